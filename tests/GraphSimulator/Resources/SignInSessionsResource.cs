using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary>
/// <c>POST users/{id}/revokeSignInSessions</c>: invalidates the user's refresh tokens and session cookies by setting
/// the user's <c>signInSessionsValidFromDateTime</c> to now, which is how the revocation is recorded (and read back
/// with <c>$select=signInSessionsValidFromDateTime</c>). Graph answers 200 with <c>{"value": true}</c>; the page
/// notes it once documented 204.
/// </summary>
internal static class SignInSessionsResource
{
    public const string ValidFromProperty = "signInSessionsValidFromDateTime";

    public static void Map(Router routes) =>
        routes.Post("users/{user}/revokeSignInSessions", GraphPermissions.RevokeSignInSessions, Revoke);

    private static GraphResponse Revoke(RouteContext context)
    {
        var user = context.Tenant.RequireUser(context["user"]);
        user[ValidFromProperty] = RelativeTimes.Format(context.Now);
        return GraphResponse.Ok(new JsonObject
        {
            ["@odata.context"] = context.ContextUrl("Edm.Boolean", entity: false),
            ["value"] = true,
        });
    }
}
