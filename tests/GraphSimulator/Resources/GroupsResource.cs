using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.OData;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary><c>GET groups</c>, <c>groups/{id}</c>, <c>groups/{id}/members</c>, <c>groups/{id}/transitiveMembers</c>.</summary>
internal static class GroupsResource
{
    public const string GroupType = "#microsoft.graph.group";
    public const string UserType = "#microsoft.graph.user";

    /// <summary>The member list is stored on the group in the tenant file; it is not a group property.</summary>
    public static readonly IReadOnlySet<string> Internal = new HashSet<string> { "members" };

    private const string Relation = "{relation:members|transitiveMembers}";
    private const string MemberCasts = "{cast:graph.user|graph.group|microsoft.graph.user|microsoft.graph.group}";

    public static void Map(Router routes)
    {
        routes.Get("groups", GraphPermissions.ReadGroups, List);
        routes.Get("groups/{group}", GraphPermissions.ReadGroups, Get);
        routes.Get($"groups/{{group}}/{Relation}", GraphPermissions.ReadGroups, Members);
        routes.Get($"groups/{{group}}/{Relation}/{MemberCasts}", GraphPermissions.ReadGroups, Members);
    }

    public static JsonObject Render(JsonObject group, IReadOnlyList<string>? select, string? odataType = null) =>
        Projection.Render(group, select, null, Internal, odataType);

    /// <summary>A user or group as a polymorphic directoryObject (with its @odata.type).</summary>
    public static JsonObject RenderDirectoryObject(JsonObject item, TenantState tenant, IReadOnlyList<string>? select) =>
        tenant.FindUserById(Json.Id(item)) == item
            ? UsersResource.Render(item, select, UserType)
            : Render(item, select, GroupType);

    private static GraphResponse List(RouteContext context) =>
        CollectionResponse.Create(context, "groups", context.Tenant.Groups, PageSize.Directory,
            group => Render(group, context.Query.Select));

    private static GraphResponse Get(RouteContext context)
    {
        var group = context.Tenant.RequireGroup(context["group"]);
        return context.Entity("groups", Render(group, context.Query.Select), context.Query.Select);
    }

    private static GraphResponse Members(RouteContext context)
    {
        var tenant = context.Tenant;
        var groupId = Json.Id(tenant.RequireGroup(context["group"]));
        var transitive = context["relation"].Equals("transitiveMembers", System.StringComparison.OrdinalIgnoreCase);
        var ids = transitive ? tenant.Membership.TransitiveMembersOf(groupId) : tenant.Membership.DirectMembersOf(groupId);
        var members = ids
            .Select(id => tenant.FindUserById(id) ?? tenant.FindGroup(id))
            .OfType<JsonObject>();

        if (context.Has("cast"))
        {
            // A cast collection is of one type, so its items carry no @odata.type (group-list-transitivemembers, the
            // example that casts to microsoft.graph.user).
            var wantUsers = context["cast"].EndsWith(".user", System.StringComparison.OrdinalIgnoreCase);
            return CollectionResponse.Create(context, wantUsers ? "users" : "groups",
                members.Where(m => (tenant.FindUserById(Json.Id(m)) == m) == wantUsers), PageSize.Directory,
                member => wantUsers ? UsersResource.Render(member, context.Query.Select) : Render(member, context.Query.Select));
        }

        return CollectionResponse.Create(context, "directoryObjects", members, PageSize.Directory,
            member => RenderDirectoryObject(member, tenant, context.Query.Select));
    }
}
