using System;
using System.Text.Json.Nodes;
using GraphSimulator.State;

namespace GraphSimulator.Resources;

/// <summary>
/// Computes a stored TAP's <c>isUsable</c> / <c>methodUsabilityReason</c> at request time, in this order:
/// NotYetValid (before startDateTime), Expired (at or after start + lifetimeInMinutes), OneTimeUsed (the internal
/// "used" flag), DisabledByPolicy (TemporaryAccessPass configuration disabled, or the user not included or excluded),
/// else EnabledByPolicy.
/// </summary>
internal static class TemporaryAccessPassUsability
{
    public const string ConfigurationId = "TemporaryAccessPass";

    /// <summary>Stored on a TAP in the tenant file to say a one-time pass was used; never served.</summary>
    public const string UsedFlag = "used";

    public static string Reason(JsonObject method, string userId, TenantState tenant, DateTimeOffset now)
    {
        var start = Json.Time(method, "startDateTime") ?? Json.Time(method, "createdDateTime") ?? now;
        var lifetime = TimeSpan.FromMinutes(Json.Int(method, "lifetimeInMinutes") ?? 60);
        if (now < start)
        {
            return "NotYetValid";
        }

        if (now >= start + lifetime)
        {
            return "Expired";
        }

        if (Json.Bool(method, UsedFlag) == true)
        {
            return "OneTimeUsed";
        }

        var configuration = PolicyTargeting.FindConfiguration(tenant, ConfigurationId);
        return configuration is not null && PolicyTargeting.AppliesTo(configuration, userId, tenant)
            ? "EnabledByPolicy"
            : "DisabledByPolicy";
    }
}
