using System;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.OData;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary>
/// The authentication methods policy (also under the root alias <c>/authenticationMethodsPolicy</c>), its method
/// configurations (GET, PATCH) and the security defaults policy.
/// </summary>
internal static class PoliciesResource
{
    public const string SecurityDefaultsId = "00000000-0000-0000-0000-000000000005";

    private const string ConfigurationsFragment = "policies/authenticationMethodsPolicy/authenticationMethodConfigurations";

    public static void Map(Router routes)
    {
        foreach (var root in new[] { "policies/authenticationMethodsPolicy", "authenticationMethodsPolicy" })
        {
            routes.Get(root, GraphPermissions.ReadAuthenticationMethodsPolicy, GetPolicy);
            routes.Get($"{root}/authenticationMethodConfigurations", GraphPermissions.ReadAuthenticationMethodsPolicy, ListConfigurations);
            routes.Get($"{root}/authenticationMethodConfigurations/{{configuration}}", GraphPermissions.ReadAuthenticationMethodsPolicy, GetConfiguration);
            routes.Patch($"{root}/authenticationMethodConfigurations/{{configuration}}", GraphPermissions.WriteAuthenticationMethodsPolicy, PatchConfiguration);
        }

        routes.Get("policies/identitySecurityDefaultsEnforcementPolicy", GraphPermissions.ReadSecurityDefaults, GetSecurityDefaults);
    }

    /// <summary>The configurations are part of the response: Graph expands them on this GET, each annotated.</summary>
    private static GraphResponse GetPolicy(RouteContext context)
    {
        var body = new JsonObject { ["@odata.context"] = context.ContextUrl("authenticationMethodsPolicy") };
        foreach (var (name, value) in context.Tenant.AuthenticationMethodsPolicy)
        {
            body[name] = value?.DeepClone();
        }

        NavigationContext.Annotate(body, "authenticationMethodConfigurations", context.ContextUrl(ConfigurationsFragment));
        foreach (var configuration in Json.Objects(body, "authenticationMethodConfigurations"))
        {
            AnnotateTargets(context, configuration);
        }

        return GraphResponse.Ok(body);
    }

    /// <summary>"…authenticationMethodConfigurations('Fido2')/microsoft.graph.fido2AuthenticationMethodConfiguration/includeTargets".</summary>
    private static void AnnotateTargets(RouteContext context, JsonObject configuration) =>
        NavigationContext.Annotate(configuration, "includeTargets", context.ContextUrl(
            $"{ConfigurationsFragment}('{Json.Id(configuration)}')/{Json.String(configuration, "@odata.type")?.TrimStart('#')}/includeTargets"));

    private static GraphResponse ListConfigurations(RouteContext context) =>
        CollectionResponse.Create(context, ConfigurationsFragment,
            Json.Objects(context.Tenant.AuthenticationMethodsPolicy, "authenticationMethodConfigurations"),
            PageSize.Unpaged, c => Projection.Render(c, context.Query.Select));

    private static GraphResponse GetConfiguration(RouteContext context)
    {
        var configuration = Projection.Render(RequireConfiguration(context), context.Query.Select);
        AnnotateTargets(context, configuration);
        return context.Entity("authenticationMethodConfigurations", configuration, context.Query.Select);
    }

    /// <summary>Merges the body's top-level properties into the stored configuration (id and @odata.type stay).</summary>
    private static GraphResponse PatchConfiguration(RouteContext context)
    {
        var configuration = RequireConfiguration(context);
        var patch = context.ReadJsonObjectBody();
        if (Json.String(patch, "@odata.type") is { } type &&
            !string.Equals(type, Json.String(configuration, "@odata.type"), StringComparison.OrdinalIgnoreCase))
        {
            throw GraphErrors.BadRequest(
                $"The type '{type}' does not match the type of configuration '{Json.Id(configuration)}'.");
        }

        foreach (var (name, value) in patch.ToList())
        {
            if (name is not ("id" or "@odata.type"))
            {
                configuration[name] = value?.DeepClone();
            }
        }

        context.Tenant.AuthenticationMethodsPolicy["lastModifiedDateTime"] = RelativeTimes.Format(context.Now);
        return GraphResponse.NoContent();
    }

    private static GraphResponse GetSecurityDefaults(RouteContext context)
    {
        var stored = context.Tenant.SecurityDefaults;
        var policy = new JsonObject
        {
            ["id"] = SecurityDefaultsId,
            ["displayName"] = "Security Defaults",
            ["description"] =
                "Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, " +
                "these recommendations will be automatically enforced in your organization.",
            ["isEnabled"] = false,
        };
        foreach (var (name, value) in stored)
        {
            policy[name] = value?.DeepClone();
        }

        return context.Entity("policies/identitySecurityDefaultsEnforcementPolicy", policy);
    }

    private static JsonObject RequireConfiguration(RouteContext context)
    {
        var id = context["configuration"];
        return PolicyTargeting.FindConfiguration(context.Tenant, id) ?? throw GraphErrors.NotFound(id);
    }
}
