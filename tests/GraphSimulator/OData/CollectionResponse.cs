using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.OData.Filter;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;

namespace GraphSimulator.OData;

/// <summary>Default and maximum page size of a collection ($top).</summary>
internal sealed record PageSize(int Default, int Max)
{
    /// <summary>users, groups, memberOf, transitiveMemberOf, members, transitiveMembers: 100 by default, at most 999.</summary>
    public static readonly PageSize Directory = new(100, 999);

    /// <summary>Small collections Graph returns whole.</summary>
    public static readonly PageSize Unpaged = new(int.MaxValue, int.MaxValue);
}

/// <summary>
/// Builds an OData collection response: $filter → $orderby → @odata.count → page ($skiptoken offset, $top) →
/// render ($select). The nextLink is absolute, points back at the simulator, keeps the other query options.
/// </summary>
internal static class CollectionResponse
{
    public static GraphResponse Create(
        RouteContext context,
        string fragment,
        IEnumerable<JsonObject> items,
        PageSize paging,
        Func<JsonObject, JsonObject> render)
    {
        var query = context.Query;
        var top = query.Top ?? paging.Default;
        if (query.Top is { } requested && (requested < 1 || requested > paging.Max))
        {
            throw GraphErrors.RequestBadRequest(
                $"Invalid page size specified: '{requested}'. Must be between 1 and {paging.Max} inclusive.");
        }

        var matched = query.Filter is { } filter ? items.Where(item => FilterEvaluator.Matches(filter, item)) : items;
        if (query.OrderBy is { } orderBy)
        {
            matched = Sort(matched, orderBy);
        }

        var all = matched.ToList();
        var fingerprint = SkipToken.Fingerprint(
            context.Request.Version, context.Request.Target.RawPath, query.FilterText, query.OrderByText);
        var offset = query.SkipToken is { } token ? SkipToken.ReadOffset(token, fingerprint) : 0;
        var page = all.Skip(offset).Take(top).Select(render).Select(JsonNode (o) => o).ToArray();

        var body = new JsonObject { ["@odata.context"] = context.ContextUrl(fragment, query.Select) };
        if (query.Count)
        {
            body["@odata.count"] = all.Count;
        }

        var next = offset + page.Length;
        if (next < all.Count)
        {
            var rest = context.Request.Target.QueryWithout("$skiptoken");
            var skip = "$skiptoken=" + SkipToken.Create(next, fingerprint);
            body["@odata.nextLink"] = context.Request.AbsoluteUrl(rest.Length == 0 ? skip : rest + "&" + skip);
        }

        body["value"] = new JsonArray(page);
        return GraphResponse.Ok(body);
    }

    private static IEnumerable<JsonObject> Sort(IEnumerable<JsonObject> items, IReadOnlyList<OrderByClause> clauses)
    {
        IOrderedEnumerable<JsonObject>? sorted = null;
        foreach (var clause in clauses)
        {
            string? Key(JsonObject item) => item[clause.Property]?.ToString();
            sorted = (sorted, clause.Descending) switch
            {
                (null, false) => items.OrderBy(Key, StringComparer.OrdinalIgnoreCase),
                (null, true) => items.OrderByDescending(Key, StringComparer.OrdinalIgnoreCase),
                (_, false) => sorted.ThenBy(Key, StringComparer.OrdinalIgnoreCase),
                (_, true) => sorted.ThenByDescending(Key, StringComparer.OrdinalIgnoreCase),
            };
        }

        return sorted ?? items;
    }
}
