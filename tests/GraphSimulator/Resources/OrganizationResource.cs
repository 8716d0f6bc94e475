using System;
using System.Text.Json.Nodes;
using GraphSimulator.Auth;
using GraphSimulator.OData;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary>
/// <c>GET organization</c> (one object, id = tenant id) and <c>organization/{id}</c>. The licence tier shows as
/// Entra ID premium service plans in <c>assignedPlans</c>; an optional "organization" object in the tenant file
/// adds or overrides properties.
/// </summary>
internal static class OrganizationResource
{
    private const string PremiumP1Plan = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
    private const string PremiumP2Plan = "eec0eb4f-6444-4f95-aba0-50c24d67f998";

    public static void Map(Router routes)
    {
        routes.Get("organization", GraphPermissions.ReadOrganization, List);
        routes.Get("organization/{organization}", GraphPermissions.ReadOrganization, Get);
    }

    private static GraphResponse List(RouteContext context) =>
        CollectionResponse.Create(context, "organization", [Build(context.Tenant)], PageSize.Unpaged,
            o => Projection.Render(o, context.Query.Select));

    /// <summary>When the sample tenants' plans were assigned; nothing reads it, Graph always sends it.</summary>
    private const string PlansAssigned = "2024-01-01T00:00:00Z";

    private static GraphResponse Get(RouteContext context)
    {
        var id = context["organization"];
        if (!Json.SameId(id, context.Tenant.TenantId))
        {
            throw GraphErrors.NotFound(id);
        }

        return context.Entity("organization", Projection.Render(Build(context.Tenant), context.Query.Select), context.Query.Select);
    }

    private static JsonObject Build(TenantState tenant)
    {
        var initialDomain = tenant.DefaultDomain.EndsWith(".onmicrosoft.com", StringComparison.OrdinalIgnoreCase)
            ? tenant.DefaultDomain
            : tenant.DefaultDomain.Split('.')[0] + ".onmicrosoft.com";
        var domains = new JsonArray(Domain(tenant.DefaultDomain, isDefault: true, isInitial: initialDomain == tenant.DefaultDomain));
        if (initialDomain != tenant.DefaultDomain)
        {
            domains.Add(Domain(initialDomain, isDefault: false, isInitial: true));
        }

        var plans = new JsonArray();
        if (tenant.Licence is "P1" or "P2")
        {
            plans.Add(Plan(PremiumP1Plan, PlansAssigned));
        }

        if (tenant.Licence == "P2")
        {
            plans.Add(Plan(PremiumP2Plan, PlansAssigned));
        }

        var organization = new JsonObject
        {
            ["id"] = tenant.TenantId,
            ["displayName"] = tenant.DisplayName,
            ["tenantType"] = "AAD",
            ["countryLetterCode"] = "US",
            ["preferredLanguage"] = "en",
            ["verifiedDomains"] = domains,
            ["assignedPlans"] = plans,
        };
        if (tenant.Root["organization"] is JsonObject extra)
        {
            foreach (var (name, value) in extra)
            {
                organization[name] = value?.DeepClone();
            }
        }

        return organization;
    }

    private static JsonObject Domain(string name, bool isDefault, bool isInitial) => new()
    {
        ["capabilities"] = "Email, OfficeCommunicationsOnline",
        ["isDefault"] = isDefault,
        ["isInitial"] = isInitial,
        ["name"] = name,
        ["type"] = "Managed",
    };

    private static JsonObject Plan(string servicePlanId, string assignedDateTime) => new()
    {
        ["assignedDateTime"] = assignedDateTime,
        ["capabilityStatus"] = "Enabled",
        ["service"] = "AADPremiumService",
        ["servicePlanId"] = servicePlanId,
    };
}
