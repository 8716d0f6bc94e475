using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.OData;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary>
/// A user's groups: <c>memberOf</c>, <c>transitiveMemberOf</c> (optionally cast to graph.group),
/// <c>checkMemberGroups</c> (at most 20 ids, transitive) and <c>getMemberGroups</c>.
/// </summary>
internal static class MembershipResource
{
    public const int CheckMemberGroupsLimit = 20;
    private const string Relation = "{relation:memberOf|transitiveMemberOf}";
    private const string GroupCast = "{cast:graph.group|microsoft.graph.group}";

    public static void Map(Router routes)
    {
        routes.Get($"users/{{user}}/{Relation}", GraphPermissions.ReadUserMemberships, Groups);
        routes.Get($"users/{{user}}/{Relation}/{GroupCast}", GraphPermissions.ReadUserMemberships, Groups);

        routes.Post("users/{user}/checkMemberGroups", GraphPermissions.ReadUserMemberships, CheckMemberGroups);
        routes.Post("users/{user}/getMemberGroups", GraphPermissions.ReadUserMemberships, GetMemberGroups);
    }

    private static GraphResponse Groups(RouteContext context)
    {
        var tenant = context.Tenant;
        var userId = Json.Id(tenant.RequireUser(context["user"]));
        var transitive = context["relation"].Equals("transitiveMemberOf", StringComparison.OrdinalIgnoreCase);
        var ids = transitive ? tenant.Membership.TransitiveGroupsOf(userId) : tenant.Membership.DirectGroupsOf(userId);
        var groups = ids.Select(tenant.FindGroup).OfType<JsonObject>();
        return CollectionResponse.Create(context, context.Has("cast") ? "groups" : "directoryObjects", groups, PageSize.Directory,
            group => GroupsResource.Render(group, context.Query.Select, GroupsResource.GroupType));
    }

    private static GraphResponse CheckMemberGroups(RouteContext context)
    {
        var userId = Json.Id(context.Tenant.RequireUser(context["user"]));
        var body = context.ReadJsonObjectBody();
        if (body["groupIds"] is not JsonArray requested)
        {
            throw GraphErrors.RequestBadRequest("The request body must contain 'groupIds', an array of group ids.");
        }

        if (requested.Count > CheckMemberGroupsLimit)
        {
            throw GraphErrors.RequestBadRequest(
                $"The 'groupIds' parameter accepts at most {CheckMemberGroupsLimit} ids; {requested.Count} were given.");
        }

        var ids = new List<string>();
        foreach (var item in requested)
        {
            if (item is not JsonValue v || !v.TryGetValue(out string? id) || !Guid.TryParse(id, out _))
            {
                throw GraphErrors.RequestBadRequest($"Invalid GUID in 'groupIds': {item?.ToJsonString() ?? "null"}.");
            }

            ids.Add(id);
        }

        var memberOf = new HashSet<string>(TransitiveLiveGroups(context.Tenant, userId).Select(Json.Id), StringComparer.OrdinalIgnoreCase);
        return Strings(context, ids.Where(memberOf.Contains));
    }

    private static GraphResponse GetMemberGroups(RouteContext context)
    {
        var userId = Json.Id(context.Tenant.RequireUser(context["user"]));
        var body = context.ReadJsonObjectBody();
        var securityOnly = body["securityEnabledOnly"] is JsonValue v && v.TryGetValue(out bool b)
            ? b
            : throw GraphErrors.RequestBadRequest("The request body must contain 'securityEnabledOnly' (true or false).");
        var groups = TransitiveLiveGroups(context.Tenant, userId)
            .Where(g => !securityOnly || Json.Bool(g, "securityEnabled") == true);
        return Strings(context, groups.Select(Json.Id));
    }

    private static IEnumerable<JsonObject> TransitiveLiveGroups(TenantState tenant, string userId) =>
        tenant.Membership.TransitiveGroupsOf(userId).Select(tenant.FindGroup).OfType<JsonObject>();

    private static GraphResponse Strings(RouteContext context, IEnumerable<string> values) =>
        GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = context.ContextUrl("Collection(Edm.String)"),
            ["value"] = new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray()),
        });
}
