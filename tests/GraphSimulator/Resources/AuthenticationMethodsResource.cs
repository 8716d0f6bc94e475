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
/// <c>users/{id}/authentication/methods</c> and the typed collections (fido2Methods, temporaryAccessPassMethods …),
/// each with <c>/{methodId}</c>. Methods are served as stored, except a TAP: its pass is always null on read and its
/// usability is computed now; and the items of fido2Methods, which Graph documents without an <c>@odata.type</c>
/// (the collection names the type). <c>DELETE fido2Methods/{id}</c> removes a passkey (204, no body).
/// </summary>
internal static class AuthenticationMethodsResource
{
    public const string TemporaryAccessPassType = "#microsoft.graph.temporaryAccessPassAuthenticationMethod";

    /// <summary>Typed sub-collection → the @odata.type of its items.</summary>
    public static readonly IReadOnlyDictionary<string, string> TypedCollections =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["emailMethods"] = "#microsoft.graph.emailAuthenticationMethod",
            ["externalAuthenticationMethods"] = "#microsoft.graph.externalAuthenticationMethod",
            ["fido2Methods"] = "#microsoft.graph.fido2AuthenticationMethod",
            ["microsoftAuthenticatorMethods"] = "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
            ["passwordMethods"] = "#microsoft.graph.passwordAuthenticationMethod",
            ["phoneMethods"] = "#microsoft.graph.phoneAuthenticationMethod",
            ["platformCredentialMethods"] = "#microsoft.graph.platformCredentialAuthenticationMethod",
            ["softwareOathMethods"] = "#microsoft.graph.softwareOathAuthenticationMethod",
            ["temporaryAccessPassMethods"] = TemporaryAccessPassType,
            ["windowsHelloForBusinessMethods"] = "#microsoft.graph.windowsHelloForBusinessAuthenticationMethod",
        };

    private const string Fido2Methods = "fido2Methods";

    private static readonly IReadOnlySet<string> Internal = new HashSet<string> { TemporaryAccessPassUsability.UsedFlag };

    public static void Map(Router routes)
    {
        var collections = "{collection:methods|" + string.Join('|', TypedCollections.Keys) + "}";
        routes.Get($"users/{{user}}/authentication/{collections}", GraphPermissions.ReadAuthenticationMethods, List);
        routes.Get($"users/{{user}}/authentication/{collections}/{{method}}", GraphPermissions.ReadAuthenticationMethods, Get);
        routes.Delete($"users/{{user}}/authentication/{Fido2Methods}/{{method}}", GraphPermissions.DeletePasskey, DeletePasskey);
    }

    /// <summary>The method as Graph returns it (computed TAP fields, internal flags removed).</summary>
    public static JsonObject Present(JsonObject method, string userId, TenantState tenant, DateTimeOffset now)
    {
        var output = Projection.Render(method, select: null, hidden: Internal);
        if (Json.String(method, "@odata.type") == TemporaryAccessPassType)
        {
            var reason = TemporaryAccessPassUsability.Reason(method, userId, tenant, now);
            output["temporaryAccessPass"] = null;
            output["isUsable"] = reason == "EnabledByPolicy";
            output["methodUsabilityReason"] = reason;
        }

        return output;
    }

    private static GraphResponse List(RouteContext context)
    {
        var (user, userId, collection) = Resolve(context);
        var methods = MethodsIn(user, collection)
            .Select(m => PresentIn(collection, m, userId, context))
            .ToList();
        return CollectionResponse.Create(context, Fragment(userId, collection), methods, PageSize.Unpaged,
            m => Projection.Render(m, context.Query.Select));
    }

    private static GraphResponse Get(RouteContext context)
    {
        var (user, userId, collection) = Resolve(context);
        var methodId = context["method"];
        var method = MethodsIn(user, collection).FirstOrDefault(m => Json.SameId(Json.Id(m), methodId))
            ?? throw GraphErrors.NotFound(methodId);
        var presented = PresentIn(collection, method, userId, context);
        return context.Entity(Fragment(userId, collection), Projection.Render(presented, context.Query.Select), context.Query.Select);
    }

    /// <summary>Removes the passkey from the user's methods; a later read no longer lists it.</summary>
    private static GraphResponse DeletePasskey(RouteContext context)
    {
        var user = context.Tenant.RequireUser(context["user"]);
        var methodId = context["method"];
        var methods = (JsonArray)user["methods"]!;
        var passkey = methods.OfType<JsonObject>()
            .FirstOrDefault(m => Json.String(m, "@odata.type") == TypedCollections[Fido2Methods] && Json.SameId(Json.Id(m), methodId))
            ?? throw GraphErrors.NotFound(methodId);
        methods.Remove(passkey);
        return GraphResponse.NoContent();
    }

    /// <summary>As <see cref="Present(JsonObject, string, TenantState, DateTimeOffset)"/>, without the type where the collection names it.</summary>
    private static JsonObject PresentIn(string collection, JsonObject method, string userId, RouteContext context)
    {
        var output = Present(method, userId, context.Tenant, context.Now);
        if (string.Equals(collection, Fido2Methods, StringComparison.OrdinalIgnoreCase))
        {
            output.Remove("@odata.type");
        }

        return output;
    }

    private static (JsonObject User, string UserId, string Collection) Resolve(RouteContext context)
    {
        var user = context.Tenant.RequireUser(context["user"]);
        return (user, Json.Id(user), context["collection"]);
    }

    private static IEnumerable<JsonObject> MethodsIn(JsonObject user, string collection) =>
        TypedCollections.TryGetValue(collection, out var type)
            ? TenantState.MethodsOf(user).Where(m => Json.String(m, "@odata.type") == type)
            : TenantState.MethodsOf(user);

    private static string Fragment(string userId, string collection) =>
        $"users('{userId}')/authentication/{collection}";
}
