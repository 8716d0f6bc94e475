using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.OData;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary>
/// <c>identity/conditionalAccess/policies</c> and <c>/{id}</c>, served as stored; an authentication strength arrives
/// expanded with its combination configurations, each annotated with its context URL as Graph writes them.
/// </summary>
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
            p => Annotated(context, Projection.Render(p, context.Query.Select)));

    private static GraphResponse Get(RouteContext context)
    {
        var id = context["policy"];
        var policy = context.Tenant.ConditionalAccessPolicies.FirstOrDefault(p => Json.SameId(Json.Id(p), id))
            ?? throw GraphErrors.NotFound(id);
        return context.Entity(Fragment, Annotated(context, Projection.Render(policy, context.Query.Select)), context.Query.Select);
    }

    private static JsonObject Annotated(RouteContext context, JsonObject policy)
    {
        if (policy["grantControls"] is JsonObject grant)
        {
            var strength = $"{Fragment}('{Json.Id(policy)}')/grantControls/authenticationStrength";
            NavigationContext.Annotate(grant, "authenticationStrength", context.ContextUrl(strength, entity: true));
            if (grant["authenticationStrength"] is JsonObject configured)
            {
                NavigationContext.Annotate(configured, "combinationConfigurations", context.ContextUrl(strength + "/combinationConfigurations"));
            }
        }

        return policy;
    }
}
