using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.Generation;
using GraphSimulator.OData.Filter;

namespace GraphSimulator.State;

/// <summary>
/// The tenant's sign-ins newest first, indexed by user and by time once per load. Sign-in handlers run under the
/// tenant lock; sorting and filtering a large tenant's sign-ins on every call took over a second and held every other
/// request back, which Graph does not do. Generated sign-ins stay recipes until served (<see cref="SignInRow"/>).
/// </summary>
internal sealed class SignInIndex
{
    private static readonly IReadOnlyList<SignInRow> None = Array.Empty<SignInRow>();

    private readonly SignInRow[] _dated;
    private readonly List<SignInRow> _undated;
    private readonly Dictionary<string, List<SignInRow>> _byUser = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="stored">The tenant document's sign-ins (times already resolved).</param>
    /// <param name="generated">A generated tenant's sign-ins, rendered against <paramref name="now"/> when served.</param>
    public SignInIndex(IEnumerable<JsonObject> stored, IEnumerable<GeneratedSignIn> generated, DateTimeOffset now)
    {
        var rows = stored.Select(SignInRow.Stored).Concat(generated.Select(g => SignInRow.Generated(g, now))).ToList();
        // A stable sort: sign-ins of the same instant keep their stored order.
        _dated = rows.Where(r => r.Time is not null).OrderByDescending(r => r.Time).ToArray();
        _undated = rows.Where(r => r.Time is null).ToList();
        foreach (var row in NewestFirst)
        {
            if (!_byUser.TryGetValue(row.UserId, out var list))
            {
                _byUser[row.UserId] = list = [];
            }

            list.Add(row);
        }
    }

    /// <summary>Every sign-in, newest first; those without a createdDateTime last, in stored order.</summary>
    public IReadOnlyList<SignInRow> NewestFirst => new Joined(_dated, _dated.Length, _undated);

    /// <summary>
    /// Newest first, every sign-in the filter could match and perhaps more: the filter still has to be applied.
    /// A top-level <c>userId eq '…'</c> narrows to that user, a top-level <c>createdDateTime ge|gt …</c> to the newer
    /// sign-ins (plus the undated, which the filter then judges as it always did). A list, so a page can say where
    /// in it the next one starts.
    /// </summary>
    public IReadOnlyList<SignInRow> Candidates(FilterNode? filter)
    {
        var conjuncts = new List<ComparisonNode>();
        CollectConjuncts(filter, conjuncts);
        foreach (var comparison in conjuncts)
        {
            if (comparison is { Operator: ComparisonOperator.Equal, Right: LiteralNode { Value: string userId } } && Is(comparison.Left, "userId"))
            {
                return _byUser.TryGetValue(userId, out var own) ? own : None;
            }
        }

        foreach (var comparison in conjuncts)
        {
            if (comparison is { Operator: ComparisonOperator.GreaterOrEqual or ComparisonOperator.GreaterThan, Right: LiteralNode { Value: DateTimeOffset since } }
                && Is(comparison.Left, "createdDateTime"))
            {
                return new Joined(_dated, CountAtOrAfter(since), _undated);
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
        int low = 0, high = _dated.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_dated[middle].Time >= since)
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

    /// <summary>The first <c>count</c> dated sign-ins, then the undated, without copying either.</summary>
    private sealed class Joined(SignInRow[] dated, int count, List<SignInRow> undated) : IReadOnlyList<SignInRow>
    {
        public int Count => count + undated.Count;

        public SignInRow this[int index] => index < count ? dated[index] : undated[index - count];

        public IEnumerator<SignInRow> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>One sign-in of the index: when, whose, and the object, stored or rendered from its recipe each time it is served.</summary>
internal sealed class SignInRow
{
    private readonly JsonObject? _stored;
    private readonly GeneratedSignIn? _recipe;
    private readonly DateTimeOffset _now;

    private SignInRow(DateTimeOffset? time, string userId, JsonObject? stored, GeneratedSignIn? recipe, DateTimeOffset now)
    {
        Time = time;
        UserId = userId;
        _stored = stored;
        _recipe = recipe;
        _now = now;
    }

    public DateTimeOffset? Time { get; }

    public string UserId { get; }

    public JsonObject Object => _stored ?? SignInFactory.Render(_recipe!, _now);

    public static SignInRow Stored(JsonObject signIn) =>
        new(Json.Time(signIn, "createdDateTime"), Json.String(signIn, "userId") ?? "", signIn, null, default);

    public static SignInRow Generated(GeneratedSignIn recipe, DateTimeOffset now) =>
        new(TruncatedToSeconds(now).AddSeconds(-recipe.SecondsAgo), Json.Id(recipe.User), null, recipe, now);

    /// <summary>Rendered times have whole seconds; the index must order and cut by the same times.</summary>
    private static DateTimeOffset TruncatedToSeconds(DateTimeOffset now) => new(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, now.Offset);
}
