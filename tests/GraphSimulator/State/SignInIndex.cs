using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.OData.Filter;

namespace GraphSimulator.State;

/// <summary>
/// The tenant's sign-ins newest first, indexed by user and by time once per load. Sign-in handlers run under the
/// tenant lock; sorting and filtering a generated 100,000-user tenant's 300,000 sign-ins on every call took over a
/// second and held every other request back, which Graph does not do.
/// </summary>
internal sealed class SignInIndex
{
    private readonly List<JsonObject> _dated;
    private readonly DateTimeOffset[] _times;
    private readonly List<JsonObject> _undated;
    private readonly Dictionary<string, List<JsonObject>> _byUser = new(StringComparer.OrdinalIgnoreCase);

    public SignInIndex(IEnumerable<JsonObject> signIns)
    {
        var timed = signIns.Select(s => (SignIn: s, Time: Json.Time(s, "createdDateTime"))).ToList();
        _dated = [];
        var times = new List<DateTimeOffset>();
        foreach (var (signIn, time) in timed.Where(t => t.Time is not null).OrderByDescending(t => t.Time))
        {
            _dated.Add(signIn);
            times.Add(time!.Value);
        }

        _times = times.ToArray();
        _undated = timed.Where(t => t.Time is null).Select(t => t.SignIn).ToList();
        foreach (var signIn in NewestFirst)
        {
            var userId = Json.String(signIn, "userId") ?? "";
            if (!_byUser.TryGetValue(userId, out var list))
            {
                _byUser[userId] = list = [];
            }

            list.Add(signIn);
        }
    }

    /// <summary>Every sign-in, newest first; those without a createdDateTime last, in stored order.</summary>
    public IEnumerable<JsonObject> NewestFirst => _dated.Concat(_undated);

    /// <summary>
    /// Newest first, every sign-in the filter could match and perhaps more: the filter still has to be applied.
    /// A top-level <c>userId eq '…'</c> narrows to that user, a top-level <c>createdDateTime ge|gt …</c> to the newer
    /// sign-ins (plus the undated, which the filter then judges as it always did).
    /// </summary>
    public IEnumerable<JsonObject> Candidates(FilterNode? filter)
    {
        var conjuncts = new List<ComparisonNode>();
        CollectConjuncts(filter, conjuncts);
        foreach (var comparison in conjuncts)
        {
            if (comparison is { Operator: ComparisonOperator.Equal, Right: LiteralNode { Value: string userId } } && Is(comparison.Left, "userId"))
            {
                return _byUser.TryGetValue(userId, out var own) ? own : [];
            }
        }

        foreach (var comparison in conjuncts)
        {
            if (comparison is { Operator: ComparisonOperator.GreaterOrEqual or ComparisonOperator.GreaterThan, Right: LiteralNode { Value: DateTimeOffset since } }
                && Is(comparison.Left, "createdDateTime"))
            {
                return _dated.Take(CountAtOrAfter(since)).Concat(_undated);
            }
        }

        return NewestFirst;
    }

    private static void CollectConjuncts(FilterNode? node, List<ComparisonNode> into)
    {
        switch (node)
        {
            case AndNode and:
                CollectConjuncts(and.Left, into);
                CollectConjuncts(and.Right, into);
                break;
            case ComparisonNode comparison:
                into.Add(comparison);
                break;
        }
    }

    private static bool Is(FilterNode node, string property) =>
        node is PropertyPathNode { Segments: [var name] } && string.Equals(name, property, StringComparison.OrdinalIgnoreCase);

    /// <summary>How many dated sign-ins (a prefix, newest first) are at or after <paramref name="since"/>.</summary>
    private int CountAtOrAfter(DateTimeOffset since)
    {
        int low = 0, high = _times.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_times[middle] >= since)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
