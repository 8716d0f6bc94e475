using GraphSimulator.Routing;

namespace GraphSimulator.Resources;

/// <summary>Every resource area's routes. A new area is one file with a Map method, added here.</summary>
internal static class GraphApi
{
    public static Router CreateRouter()
    {
        var routes = new Router();
        UsersResource.Map(routes);
        SignInSessionsResource.Map(routes);
        MembershipResource.Map(routes);
        AuthenticationMethodsResource.Map(routes);
        TemporaryAccessPassResource.Map(routes);
        GroupsResource.Map(routes);
        PoliciesResource.Map(routes);
        ConditionalAccessResource.Map(routes);
        OrganizationResource.Map(routes);
        BatchResource.Map(routes);
        SignInsResource.Map(routes);
        AuditLogsResource.Map(routes);
        RegistrationDetailsResource.Map(routes);
        return routes;
    }
}
