using System;

namespace EntraPasskey.Engine.Transport
{
    /// <summary>
    /// How hard a connection tries before a request (or a $batch item) fails: how many attempts, how long each may
    /// take, how long to wait between them. One instance per connection; tests make the waits short.
    /// </summary>
    internal sealed class RetryPolicy
    {
        public static readonly RetryPolicy Default = new RetryPolicy();

        /// <summary>Attempts per request or $batch item, the first included.</summary>
        public int MaxAttempts { get; init; } = 5;

        /// <summary>
        /// One attempt of a directory read or a $batch: Graph answers these in seconds, so a hung one is given up on
        /// long before the SDK's 100 s and sent again, instead of holding every later verdict behind it.
        /// </summary>
        public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(30);

        /// <summary>One page of sign-ins or audit events: large report pages can take tens of seconds.</summary>
        public TimeSpan ReportTimeout { get; init; } = TimeSpan.FromSeconds(100);

        /// <summary>A write (issuing a pass) is never sent twice after a timeout, so it keeps the SDK's 100 s.</summary>
        public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(100);

        /// <summary>The wait before the second attempt when Graph names none; it doubles with each attempt.</summary>
        public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest single wait, whatever Retry-After asks for.</summary>
        public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(60);

        /// <summary>
        /// Statuses worth another attempt of any request: throttled, unavailable, gateway timeout. Graph did not act
        /// on a 429, and on a 503 or 504 a retried write replaces what it may have done (a new pass replaces the old).
        /// </summary>
        public static bool IsTransient(int status) => status == 429 || status == 503 || status == 504;

        /// <summary>A read can also be retried after a bad gateway: reading twice changes nothing.</summary>
        public static bool IsTransientForRead(int status) => IsTransient(status) || status == 502;

        /// <summary>The wait after the given failed attempt (1 for the first): Graph's Retry-After, else a doubling backoff.</summary>
        public TimeSpan WaitAfter(int attempt, TimeSpan? retryAfter)
        {
            var wait = retryAfter ?? TimeSpan.FromTicks(FirstBackoff.Ticks << Math.Min(attempt - 1, 20));
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxWait ? MaxWait : wait;
        }

        public TimeSpan TimeoutFor(RequestKind kind) =>
            kind == RequestKind.Write ? WriteTimeout : kind == RequestKind.ReportRead ? ReportTimeout : ReadTimeout;
    }
}
