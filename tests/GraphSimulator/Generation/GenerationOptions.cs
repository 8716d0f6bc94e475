namespace GraphSimulator;

/// <summary>What the synthetic tenant generator builds (see Generation/ and the README).</summary>
public sealed class GenerationOptions
{
    /// <summary>Number of users (at least 1).</summary>
    public int Users { get; init; } = 1_000;

    /// <summary>The same seed and size always give the same tenant: ids, causes, methods and sign-ins.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Average sign-ins per user over the last 7 days (each user gets 1 to 2×this−1; 0 = none).</summary>
    public int SignInsPerUser { get; init; } = 3;
}
