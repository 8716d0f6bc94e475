using System;
using System.Collections.Generic;
using System.Linq;
using GraphSimulator.Pipeline;

namespace GraphSimulator.Throttling;

/// <summary>
/// What an identity-and-access call costs in resource units, from Graph's published table: a base cost per
/// operation (1 unless listed), then <c>$select</c> −1, <c>$expand</c> +1, <c>$top</c> below 20 −1, never below 1.
/// Writes (POST, PUT, PATCH, DELETE other than the membership-check actions) cost 1 unit and also spend the write quota.
/// </summary>
internal static class ResourceUnitCost
{
    /// <summary>POST actions that only read, so they are priced as reads and spend no write quota.</summary>
    private static readonly HashSet<string> ReadActions = new(StringComparer.OrdinalIgnoreCase)
    {
        "checkMemberGroups", "checkMemberObjects", "getMemberGroups", "getMemberObjects",
    };

    public static bool IsWrite(GraphRequest request, IReadOnlyList<string> segments) =>
        request.Method is "POST" or "PUT" or "PATCH" or "DELETE" && !(segments.Count > 0 && ReadActions.Contains(segments[^1]));

    public static int Of(GraphRequest request, IReadOnlyList<string> segments)
    {
        if (IsWrite(request, segments))
        {
            return 1;
        }

        var cost = BaseCost(segments);
        var query = request.Target.Query;
        if (Has(query, "$select"))
        {
            cost -= 1;
        }

        if (Has(query, "$expand"))
        {
            cost += 1;
        }

        if (query.FirstOrDefault(p => p.Key == "$top").Value is { } top && int.TryParse(top, out var n) && n < 20)
        {
            cost -= 1;
        }

        return Math.Max(1, cost);
    }

    /// <summary>The listed base costs (callers spell <c>me</c> as <c>users/me</c>).</summary>
    private static int BaseCost(IReadOnlyList<string> segments)
    {
        string At(int i) => i < segments.Count ? segments[i] : string.Empty;
        bool Is(int i, string literal) => string.Equals(At(i), literal, StringComparison.OrdinalIgnoreCase);

        if (segments.Count == 1 && (Is(0, "users") || Is(0, "applications")))
        {
            return 2;
        }

        if (Is(0, "groups") && segments.Count >= 3)
        {
            return Is(2, "transitiveMembers") ? 5 : Is(2, "members") ? 3 : 1;
        }

        var relation = Is(0, "users") ? 2 : -1;
        if (relation < 0 || segments.Count <= relation)
        {
            return 1;
        }

        return At(relation).ToLowerInvariant() switch
        {
            "checkmembergroups" or "checkmemberobjects" => 4,
            "getmembergroups" or "getmemberobjects" or "memberof" or "transitivememberof" or "licensedetails" or "ownedobjects" => 2,
            _ => 1,
        };
    }

    private static bool Has(IReadOnlyList<KeyValuePair<string, string>> query, string name) =>
        query.Any(p => p.Key == name);
}
