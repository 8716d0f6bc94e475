using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace GraphSimulator.State;

/// <summary>
/// Whether an authentication method configuration applies to a user: enabled, included (all_users, the user, or a
/// group the user belongs to transitively) and not excluded. Exclusion beats inclusion.
/// </summary>
internal static class PolicyTargeting
{
    public const string AllUsers = "all_users";

    public static JsonObject? FindConfiguration(TenantState tenant, string id) =>
        Json.Objects(tenant.AuthenticationMethodsPolicy, "authenticationMethodConfigurations")
            .FirstOrDefault(c => string.Equals(Json.Id(c), id, StringComparison.OrdinalIgnoreCase));

    public static bool AppliesTo(JsonObject configuration, string userId, TenantState tenant)
    {
        if (!string.Equals(Json.String(configuration, "state"), "enabled", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var groups = new HashSet<string>(tenant.Membership.TransitiveGroupsOf(userId), StringComparer.OrdinalIgnoreCase);
        bool Hits(JsonObject target) => Targets(target, userId, groups);
        return Json.Objects(configuration, "includeTargets").Any(Hits)
            && !Json.Objects(configuration, "excludeTargets").Any(Hits);
    }

    private static bool Targets(JsonObject target, string userId, HashSet<string> groups)
    {
        var id = Json.Id(target);
        if (string.Equals(id, AllUsers, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return string.Equals(Json.String(target, "targetType"), "user", StringComparison.OrdinalIgnoreCase)
            ? Json.SameId(id, userId)
            : groups.Contains(id);
    }
}
