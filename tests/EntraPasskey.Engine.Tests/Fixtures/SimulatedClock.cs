using System;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Graph;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>
    /// The system clock plus whatever the module's reports budget chose to wait, shared by the simulator and the
    /// connection: the budget's waits move both instead of sleeping, so the simulator's throttling sees the pace the
    /// module kept.
    /// </summary>
    internal sealed class SimulatedClock : TimeProvider
    {
        private long _aheadTicks;

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _aheadTicks));

        /// <summary>A reports budget on this clock.</summary>
        public ReportsBudget ReportsBudget() => new ReportsBudget(GetUtcNow, (wait, cancellationToken) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            Interlocked.Add(ref _aheadTicks, wait.Ticks);
            return Task.CompletedTask;
        });
    }
}
