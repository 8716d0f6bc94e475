using System;
using System.Threading;
using System.Threading.Tasks;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Paces a bulk run's user reads on Graph's identity budget for tenants over 500 users (8,000 resource units per
    /// 10 s per app and tenant, graph-facts §10.1) as a token bucket that starts full, so a run sends what Graph will
    /// serve instead of collecting 429s: a throttled $batch item comes back with a Retry-After of whole seconds, and
    /// eight batches waiting a second each leave the budget idle (100,000 users took 1.43× their floor that way).
    /// It refills a fortieth slower than Graph, for requests that arrive out of order. A smaller tenant's smaller
    /// budget still answers 429 and is retried after Retry-After, as before; a run under 8,000 units never waits.
    /// </summary>
    internal sealed class IdentityBudget
    {
        public const int Capacity = 8000;

        /// <summary>Units per second: Graph's 800, less 2.5 %.</summary>
        public const double Rate = 780;

        private readonly object _gate = new object();
        private readonly Func<DateTimeOffset> _clock;
        private readonly Func<TimeSpan, CancellationToken, Task> _delay;
        private double _tokens = Capacity;
        private DateTimeOffset _last;

        /// <param name="clock">Now; the wall clock unless a test moves its own.</param>
        /// <param name="delay">Waits; Task.Delay unless a test moves its clock instead of sleeping.</param>
        public IdentityBudget(Func<DateTimeOffset>? clock = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
        {
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _delay = delay ?? Task.Delay;
            _last = _clock();
        }

        /// <summary>Waits until <paramref name="units"/> fit (at most the capacity), then takes them.</summary>
        public async Task WaitAsync(int units, CancellationToken cancellationToken)
        {
            var cost = Math.Min(Math.Max(units, 1), Capacity);
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = _clock();
                    if (now > _last)
                    {
                        _tokens = Math.Min(Capacity, _tokens + ((now - _last).TotalSeconds * Rate));
                        _last = now;
                    }

                    if (_tokens >= cost - 1e-6)
                    {
                        _tokens = Math.Max(0, _tokens - cost);
                        return;
                    }

                    // In ticks, rounded up: TimeSpan.FromSeconds rounds to whole milliseconds on .NET Framework.
                    wait = TimeSpan.FromTicks((long)Math.Ceiling((cost - _tokens) / Rate * TimeSpan.TicksPerSecond));
                }

                await _delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
