using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Paces calls on Graph's identity-and-access reports budget (sign-ins, directory audits, the registration report:
    /// 5 requests per 10 s per app and tenant, graph-facts §6.3) so a run waits its turn instead of collecting 429s.
    /// The budget belongs to the app and tenant, not to a command or a connection: every connection of the process to
    /// the same app and tenant shares one (<see cref="ReportsBudgets"/>), and every attempt at a reports request takes
    /// a turn (<see cref="Transport.GraphRetryHandler"/>), retries included.
    /// </summary>
    internal sealed class ReportsBudget
    {
        public const int Requests = 5;
        public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Added to the window: Graph counts a request when it arrives, we when we send it, and a request sent after
        /// the window can still arrive before a slower one of the window before. A 20th of the window, so pacing costs
        /// at most 5 % over the reports floor.
        /// </summary>
        public static readonly TimeSpan Slack = TimeSpan.FromMilliseconds(500);

        private readonly object _gate = new object();
        private readonly Queue<DateTimeOffset> _recent = new Queue<DateTimeOffset>();
        private readonly Func<DateTimeOffset> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private readonly Action<DateTimeOffset>? _granted;

        /// <param name="clock">Now; the wall clock unless a test moves its own.</param>
        /// <param name="delay">Waits; Task.Delay unless a test moves its clock instead of sleeping.</param>
        /// <param name="granted">Told the time of every turn granted; tests count the turns with it.</param>
        public ReportsBudget(Func<DateTimeOffset>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null, Action<DateTimeOffset>? granted = null)
        {
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _delay = delay ?? Task.Delay;
            _granted = granted;
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
                    while (_recent.Count > 0 && now - _recent.Peek() >= Window + Slack)
                    {
                        _recent.Dequeue();
                    }

                    if (_recent.Count < Requests)
                    {
                        _recent.Enqueue(now);
                        _granted?.Invoke(now);
                        return;
                    }

                    wait = Window + Slack - (now - _recent.Peek());
                }

                await _delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
