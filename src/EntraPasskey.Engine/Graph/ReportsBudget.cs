using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Paces calls on Graph's identity-and-access reports budget (sign-ins, directory audits: 5 requests per 10 s
    /// per app and tenant, graph-facts §6.3) so a run waits its turn instead of collecting 429s. One per connection,
    /// because the budget belongs to the app and tenant, not to a command.
    /// </summary>
    internal sealed class ReportsBudget
    {
        public const int Requests = 5;
        public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

        private readonly object _gate = new object();
        private readonly Queue<DateTimeOffset> _recent = new Queue<DateTimeOffset>();
        private readonly Func<DateTimeOffset> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;

        /// <param name="clock">Now; the wall clock unless a test moves its own.</param>
        /// <param name="delay">Waits; Task.Delay unless a test moves its clock instead of sleeping.</param>
        public ReportsBudget(Func<DateTimeOffset>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _delay = delay ?? Task.Delay;
        }

        /// <summary>
        /// A budget whose waits move its own clock instead of sleeping: requests keep their order and their count per
        /// window, and nobody waits. For tests only (<see cref="TestHooks.SimulatedReportsClock"/>).
        /// </summary>
        public static ReportsBudget OnSimulatedClock()
        {
            var ahead = 0L;
            return new ReportsBudget(
                () => DateTimeOffset.UtcNow.AddTicks(Interlocked.Read(ref ahead)),
                (wait, cancellationToken) =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    Interlocked.Add(ref ahead, wait.Ticks);
                    return Task.CompletedTask;
                });
        }

        /// <summary>Waits until one more request fits in the budget, then counts it.</summary>
        public async Task WaitTurnAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _clock();
                    while (_recent.Count > 0 && now - _recent.Peek() >= Window)
                    {
                        _recent.Dequeue();
                    }

                    if (_recent.Count < Requests)
                    {
                        _recent.Enqueue(now);
                        return;
                    }

                    wait = Window - (now - _recent.Peek());
                }

                await _delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
