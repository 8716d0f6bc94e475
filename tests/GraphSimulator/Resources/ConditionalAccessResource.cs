using System.Linq;
using GraphSimulator.Auth;
using GraphSimulator.OData;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary><c>identity/conditionalAccess/policies</c> and <c>/{id}</c>, served as stored.</summary>
internal static class ConditionalAccessResource
{
    private const string Fragment = "identity/conditionalAccess/policies";

    public static void Map(Router routes)
    {
        routes.Get(Fragment, GraphPermissions.ReadConditionalAccess, List);
        routes.Get(Fragment + "/{policy}", GraphPermissions.ReadConditionalAccess, Get);
    }

    private static GraphResponse List(RouteContext context) =>
        CollectionResponse.Create(context, Fragment, context.Tenant.ConditionalAccessPolicies, PageSize.Unpaged,
            p => Projection.Render(p, context.Query.Select));

    private static GraphResponse Get(RouteContext context)
    {
        var id = context["policy"];
        var policy = context.Tenant.ConditionalAccessPolicies.FirstOrDefault(p => Json.SameId(Json.Id(p), id))
            ?? throw GraphErrors.NotFound(id);
        return context.Entity(Fragment, Projection.Render(policy, context.Query.Select), context.Query.Select);
    }
}
