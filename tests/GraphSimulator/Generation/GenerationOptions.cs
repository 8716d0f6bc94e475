namespace GraphSimulator;

/// <summary>What the synthetic tenant generator builds (see Generation/ and the README).</summary>
public sealed class GenerationOptions
{
    /// <summary>Number of users (at least 1).</summary>
    public int Users { get; init; } = 1_000;

    /// <summary>The same seed and size always give the same tenant: ids, causes, methods and sign-ins.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Interactive sign-ins per user per day, on average (0 = none): a real tenant's several a working day. Each user
    /// gets the whole part every day and one more with the chance of the fraction, spread evenly over the day (a tenant
    /// spans time zones), so the tenant's logs hold Users × this per day.
    /// </summary>
    public double SignInsPerUserPerDay { get; init; } = 8;

    /// <summary>The share of those sign-ins in which the user completed MFA (users with an MFA-capable method only): one in eight by default.</summary>
    public double MfaShare { get; init; } = 0.125;

    /// <summary>How many days of sign-ins the logs hold (1 to 30): a day covers every window Test-EntraPasskey reads.</summary>
    public int SignInDays { get; init; } = 1;
}
