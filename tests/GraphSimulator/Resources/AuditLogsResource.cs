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
/// <c>GET auditLogs/directoryAudits</c> and <c>/{id}</c> from the tenant's "directoryAudits" array (Graph JSON),
/// newest first, with the retention of the tenant's licence: the last 7 days on Free, 30 on P1/P2. Graph's
/// behaviour for audits on Free tenants is not confirmed (graph-facts §7.3): community reports say they are readable,
/// which is the default here; <c>"auditLogsRequirePremium": true</c> makes a Free tenant answer 403
/// Authentication_RequestFromNonPremiumTenantOrB2CTenant instead, as sign-ins do.
/// </summary>
internal static class AuditLogsResource
{
    private const string Fragment = "auditLogs/directoryAudits";

    /// <summary>Graph documents no page size for audits; the simulator uses that of sign-ins (1000 default and max).</summary>
    private static readonly PageSize Pages = new(1000, 1000);

    public static void Map(Router routes)
    {
        routes.Get(Fragment, GraphPermissions.ReadDirectoryAudits, List);
        routes.Get(Fragment + "/{audit}", GraphPermissions.ReadDirectoryAudits, Get);
    }

    /// <summary>The audit events the tenant's licence still holds at <paramref name="now"/>, newest first.</summary>
    public static IReadOnlyList<JsonObject> Retained(TenantState tenant, DateTimeOffset now)
    {
        var oldest = now.AddDays(tenant.Licence == "Free" ? -7 : -30);
        return Json.Objects(tenant.Root, "directoryAudits")
            .Where(a => Json.Time(a, "activityDateTime") is { } time && time >= oldest)
            .OrderByDescending(a => Json.Time(a, "activityDateTime"))
            .ToList();
    }

    private static GraphResponse List(RouteContext context)
    {
        RequireLicence(context.Tenant);
        return CollectionResponse.Create(context, Fragment, Retained(context.Tenant, context.Now), Pages,
            a => Projection.Render(a, context.Query.Select));
    }

    private static GraphResponse Get(RouteContext context)
    {
        RequireLicence(context.Tenant);
        var id = context["audit"];
        var audit = Retained(context.Tenant, context.Now).FirstOrDefault(a => Json.SameId(Json.Id(a), id))
            ?? throw GraphErrors.NotFound(id);
        return context.Entity(Fragment, Projection.Render(audit, context.Query.Select), context.Query.Select);
    }

    private static void RequireLicence(TenantState tenant)
    {
        if (tenant.Licence == "Free" && Json.Bool(tenant.Root, "auditLogsRequirePremium") == true)
        {
            throw new GraphException(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                "Neither tenant is B2C or tenant doesn't have premium license");
        }
    }
}
