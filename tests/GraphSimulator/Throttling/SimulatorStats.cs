using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace GraphSimulator.Throttling;

/// <summary>
/// Counters since the last reset, for the benchmark (GET /_sim/stats): HTTP requests, $batch items, units charged
/// and 429s per budget, injected faults, and the throttling floor of what was spent.
/// </summary>
/// <remarks>
/// The throttling floor of a plan is max over budgets b of (units the plan spent on b ÷ b's refill rate): the least
/// wall time in which Graph would serve that plan, ignoring round trips. Units of throttled calls are not counted
/// (they were not spent), so the floor is that of the plan, not of its retries. A run that starts with full buckets
/// can beat it by at most one bucket (capacity ÷ rate, 10 s for identity).
/// </remarks>
internal sealed class SimulatorStats(BudgetSet budgets, TimeProvider clock)
{
    private readonly object _sync = new();
    private readonly Dictionary<string, BudgetCounters> _byBudget = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _faults = new(StringComparer.Ordinal);
    private long _requests;
    private long _items;
    private DateTimeOffset _since = clock.GetUtcNow();

    public void Record(bool inBatch, CallCharge? charge, string? fault)
    {
        lock (_sync)
        {
            if (inBatch)
            {
                _items++;
            }
            else
            {
                _requests++;
            }

            if (charge?.Budget is { } name)
            {
                if (!_byBudget.TryGetValue(name, out var counters))
                {
                    _byBudget[name] = counters = new BudgetCounters();
                }

                counters.Calls++;
                if (charge.Throttled)
                {
                    counters.Throttled++;
                }
                else
                {
                    counters.Units += charge.Units;
                }
            }

            if (fault is not null)
            {
                _faults[fault] = _faults.GetValueOrDefault(fault) + 1;
            }
        }
    }

    /// <summary>Zeroes the counters and fills every bucket.</summary>
    public void Reset()
    {
        lock (_sync)
        {
            _byBudget.Clear();
            _faults.Clear();
            _requests = 0;
            _items = 0;
            _since = clock.GetUtcNow();
            budgets.FillAll();
        }
    }

    public JsonObject Snapshot(int tenantUsers)
    {
        lock (_sync)
        {
            // Writes also spend identity resource units; the identity budget's floor counts both.
            var identityUnits = Units(Budget.Identity) + Units(Budget.Writes);
            var budgetJson = new JsonObject();
            var floor = 0.0;
            foreach (var (name, budget) in budgets.All)
            {
                var counters = _byBudget.GetValueOrDefault(name) ?? new BudgetCounters();
                var spent = name == Budget.Identity ? identityUnits : counters.Units;
                var floorSeconds = spent / budget.Rate;
                floor = Math.Max(floor, floorSeconds);
                budgetJson[name] = new JsonObject
                {
                    ["capacity"] = budget.Capacity,
                    ["windowSeconds"] = budget.Window.TotalSeconds,
                    ["perTenant"] = budget.PerTenant,
                    ["calls"] = counters.Calls,
                    ["units"] = spent,
                    ["throttled"] = counters.Throttled,
                    ["floorSeconds"] = Math.Round(floorSeconds, 3),
                };
            }

            return new JsonObject
            {
                ["since"] = _since.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["elapsedSeconds"] = Math.Round((clock.GetUtcNow() - _since).TotalSeconds, 3),
                ["tenantUsers"] = tenantUsers,
                ["throttling"] = budgets.Enabled,
                ["requests"] = _requests,
                ["items"] = _items,
                ["resourceUnits"] = identityUnits,
                ["throttled"] = _byBudget.Values.Sum(c => c.Throttled),
                ["floorSeconds"] = Math.Round(floor, 3),
                ["budgets"] = budgetJson,
                ["faults"] = new JsonObject(_faults.OrderBy(f => f.Key, StringComparer.Ordinal)
                    .Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))),
            };
        }
    }

    private long Units(string name) => _byBudget.GetValueOrDefault(name)?.Units ?? 0;

    private sealed class BudgetCounters
    {
        public long Calls { get; set; }

        public long Units { get; set; }

        public long Throttled { get; set; }
    }
}
