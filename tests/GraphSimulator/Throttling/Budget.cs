using System;

namespace GraphSimulator.Throttling;

/// <summary>
/// One of Graph's throttling budgets: <paramref name="Capacity"/> units per <paramref name="Window"/>, modelled as a
/// token bucket that starts full and refills continuously at Capacity / Window.
/// </summary>
/// <param name="Name">Stable name used in the request log and in /_sim/stats.</param>
/// <param name="Capacity">Units the bucket holds (the burst a client may spend at once).</param>
/// <param name="Window">The period in which <paramref name="Capacity"/> units refill.</param>
/// <param name="PerTenant">True when all apps share the bucket (Conditional Access); else one bucket per app.</param>
/// <param name="SendsRetryAfter">Whether a 429 from this budget carries Retry-After (Conditional Access does not).</param>
internal sealed record Budget(string Name, int Capacity, TimeSpan Window, bool PerTenant, bool SendsRetryAfter)
{
    public const string Identity = "identity";
    public const string Writes = "writes";
    public const string Reports = "reports";
    public const string ConditionalAccess = "conditionalAccess";

    /// <summary>Units refilled per second.</summary>
    public double Rate => Capacity / Window.TotalSeconds;

    /// <summary>
    /// Identity and access: resource units per app and tenant, sized by the tenant's user count
    /// (fewer than 50 users 3,500, 50 to 500 users 5,000, more than 500 users 8,000, per 10 seconds).
    /// </summary>
    public static Budget IdentityFor(int userCount, int? overrideUnits) =>
        new(Identity, overrideUnits ?? (userCount < 50 ? 3_500 : userCount <= 500 ? 5_000 : 8_000), TimeSpan.FromSeconds(10), PerTenant: false, SendsRetryAfter: true);

    /// <summary>Identity and access write quota: 3,000 writes per 2 min 30 s per app and tenant.</summary>
    public static Budget WriteQuota() => new(Writes, 3_000, TimeSpan.FromSeconds(150), PerTenant: false, SendsRetryAfter: true);

    /// <summary>Identity and access reports (sign-ins, directory audits, authentication method reports): 5 requests per 10 s per app and tenant.</summary>
    public static Budget ReportsQuota() => new(Reports, 5, TimeSpan.FromSeconds(10), PerTenant: false, SendsRetryAfter: true);

    /// <summary>Identity protection and Conditional Access: 1 request per second per tenant, 429 without Retry-After.</summary>
    public static Budget ConditionalAccessQuota() => new(ConditionalAccess, 1, TimeSpan.FromSeconds(1), PerTenant: true, SendsRetryAfter: false);
}
