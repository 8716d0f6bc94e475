using System.Collections.Generic;
using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.OData;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;

namespace GraphSimulator.Resources;

/// <summary><c>GET users</c> and <c>GET users/{id | userPrincipalName}</c>.</summary>
internal static class UsersResource
{
    /// <summary>What Graph returns for a user without $select.</summary>
    public static readonly IReadOnlyList<string> DefaultProperties =
    [
        "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone",
        "officeLocation", "preferredLanguage", "surname", "userPrincipalName",
    ];

    /// <summary>Stored with the user but not a user property.</summary>
    public static readonly IReadOnlySet<string> Internal = new HashSet<string> { "methods" };

    public static void Map(Router routes)
    {
        routes.Get("users", GraphPermissions.ReadUsers, List);
        routes.Get("users/{user}", GraphPermissions.ReadUsers, Get);
    }

    public static JsonObject Render(JsonObject user, IReadOnlyList<string>? select, string? odataType = null) =>
        Projection.Render(user, select, DefaultProperties, Internal, odataType);

    private static GraphResponse List(RouteContext context) =>
        CollectionResponse.Create(context, "users", context.Tenant.Users, PageSize.Directory,
            user => Render(user, context.Query.Select));

    private static GraphResponse Get(RouteContext context)
    {
        var user = context.Tenant.RequireUser(context["user"]);
        return context.Entity("users", Render(user, context.Query.Select), context.Query.Select);
    }
}
