using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace GraphSimulator.Throttling;

/// <summary>The tenant's budgets and their buckets: one bucket per app for app-scoped budgets, one per tenant otherwise.</summary>
internal sealed class BudgetSet
{
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;

    public BudgetSet(int userCount, ThrottlingOptions options, TimeProvider clock)
    {
        _clock = clock;
        Enabled = options.Enabled;
        All = new Dictionary<string, Budget>(StringComparer.Ordinal)
        {
            [Budget.Identity] = Budget.IdentityFor(userCount, options.ResourceUnitsPer10Seconds),
            [Budget.Writes] = Budget.WriteQuota(),
            [Budget.Reports] = Budget.ReportsQuota(),
            [Budget.ConditionalAccess] = Budget.ConditionalAccessQuota(),
        };
    }

    public bool Enabled { get; }

    public IReadOnlyDictionary<string, Budget> All { get; }

    public TokenBucket BucketFor(string budget, string appId)
    {
        var definition = All[budget];
        var key = definition.PerTenant ? budget : budget + "/" + appId;
        return _buckets.GetOrAdd(key, _ => new TokenBucket(definition, _clock.GetUtcNow()));
    }

    /// <summary>Every bucket full again (a new measurement starts from an idle tenant).</summary>
    public void FillAll()
    {
        var now = _clock.GetUtcNow();
        foreach (var bucket in _buckets.Values)
        {
            bucket.Fill(now);
        }
    }
}
