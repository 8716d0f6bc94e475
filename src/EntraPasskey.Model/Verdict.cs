namespace EntraPasskey
{
    /// <summary>The overall answer for one user: must someone act before they add a passkey, and who.</summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum Verdict : long
    {
        /// <summary>Nothing to act on: every layer that could be evaluated passed or only gives advice for the moment of registration.</summary>
        Ready,
        /// <summary>At least one layer fails; the user cannot add a passkey until it is fixed.</summary>
        Blocked,
        /// <summary>Nothing fails, but a layer warns: something should be fixed or confirmed before the user tries.</summary>
        AtRisk,
        /// <summary>Nothing fails, but a layer that matters could not be evaluated.</summary>
        Unknown,
    }
}
