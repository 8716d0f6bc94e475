using System;
using System.Threading;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>Tampering rules for a <see cref="TamperingProxy"/> that damage the first few matching exchanges, then let the rest through.</summary>
    public sealed class Damage
    {
        private readonly Func<Exchange, bool> _matches;
        private readonly Func<Exchange, Exchange> _damage;
        private readonly int _times;
        private int _seen;
        private int _damaged;

        /// <param name="times">How many matching exchanges to damage (int.MaxValue: all of them).</param>
        public Damage(int times, Func<Exchange, bool> matches, Func<Exchange, Exchange> damage)
        {
            _times = times;
            _matches = matches;
            _damage = damage;
        }

        /// <summary>Matching exchanges seen so far, damaged or not.</summary>
        public int Seen => Volatile.Read(ref _seen);

        public int Damaged => Volatile.Read(ref _damaged);

        public Exchange Apply(Exchange exchange)
        {
            if (!_matches(exchange))
            {
                return exchange;
            }

            Interlocked.Increment(ref _seen);
            if (Interlocked.Increment(ref _damaged) > _times)
            {
                Interlocked.Decrement(ref _damaged);
                return exchange;
            }

            return _damage(exchange);
        }

        public static bool IsBatch(Exchange e) => e.Method == "POST" && e.PathAndQuery.StartsWith("/v1.0/$batch", StringComparison.Ordinal);

        /// <summary>The $batch that reads users (their account, methods and groups), not the policy's groups.</summary>
        public static bool IsUsersBatch(Exchange e) => IsBatch(e) && e.RequestBody.Contains("/transitiveMemberOf", StringComparison.Ordinal);

        /// <summary>The $batch that names the groups the policies target.</summary>
        public static bool IsGroupsBatch(Exchange e) => IsBatch(e) && e.RequestBody.Contains("\"/groups/", StringComparison.Ordinal);

        public static Exchange Html(Exchange e) => e with { Status = 200, Body = "<html><body><h1>502 Bad Gateway</h1></body></html>" };

        public static Exchange Truncated(Exchange e) => e with { Body = e.Body.Substring(0, e.Body.Length / 2) };

        public static Exchange Reset(Exchange e) => e with { Reset = true };
    }
}
