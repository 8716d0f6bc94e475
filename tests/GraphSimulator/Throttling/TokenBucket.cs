using System;

namespace GraphSimulator.Throttling;

/// <summary>
/// A token bucket on the simulator's clock: starts full, refills continuously, and a request either takes its whole
/// cost or nothing (a throttled request spends no units).
/// </summary>
internal sealed class TokenBucket(Budget budget, DateTimeOffset start)
{
    private readonly object _sync = new();
    private double _tokens = budget.Capacity;
    private DateTimeOffset _last = start;

    public Budget Budget { get; } = budget;

    /// <summary>Takes <paramref name="cost"/> units, or says how long until enough have refilled.</summary>
    public BucketDecision TryTake(int cost, DateTimeOffset now)
    {
        lock (_sync)
        {
            Refill(now);
            if (_tokens >= cost)
            {
                _tokens -= cost;
                return new BucketDecision(true, TimeSpan.Zero);
            }

            // A cost above the capacity could never be paid; it waits for a full bucket instead.
            var missing = Math.Min(cost, Budget.Capacity) - _tokens;
            return new BucketDecision(false, TimeSpan.FromSeconds(missing / Budget.Rate));
        }
    }

    /// <summary>Gives back units taken for a request that another budget then refused.</summary>
    public void Refund(int units)
    {
        lock (_sync)
        {
            _tokens = Math.Min(Budget.Capacity, _tokens + units);
        }
    }

    /// <summary>Fills the bucket (a fresh measurement starts from an idle tenant).</summary>
    public void Fill(DateTimeOffset now)
    {
        lock (_sync)
        {
            _tokens = Budget.Capacity;
            _last = now;
        }
    }

    private void Refill(DateTimeOffset now)
    {
        if (now <= _last)
        {
            return;
        }

        _tokens = Math.Min(Budget.Capacity, _tokens + (now - _last).TotalSeconds * Budget.Rate);
        _last = now;
    }
}

/// <summary>Whether the units were taken, and if not how long until they would be.</summary>
internal readonly record struct BucketDecision(bool Allowed, TimeSpan Wait)
{
    /// <summary>Retry-After in whole seconds, rounded up, at least 1.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(Wait.TotalSeconds - 1e-9));
}
