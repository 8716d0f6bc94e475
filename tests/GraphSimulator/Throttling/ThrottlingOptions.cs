namespace GraphSimulator;

/// <summary>Graph's throttling budgets in the simulator (off unless enabled).</summary>
public sealed class ThrottlingOptions
{
    /// <summary>Off: every call is still priced (resource units in the log and /_sim/stats) but none is refused.</summary>
    public bool Enabled { get; init; }

    /// <summary>
    /// Replaces the identity-and-access resource units per 10 seconds that the tenant's size would give
    /// (3,500 / 5,000 / 8,000), e.g. to provoke throttling in a test with few requests.
    /// </summary>
    public int? ResourceUnitsPer10Seconds { get; init; }
}
