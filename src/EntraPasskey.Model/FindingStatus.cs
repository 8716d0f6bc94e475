namespace EntraPasskey
{
    /// <summary>The outcome of one layer for one user.</summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum FindingStatus : long
    {
        Pass,
        Fail,
        /// <summary>Something should be fixed or confirmed before the user tries: the verdict is AtRisk.</summary>
        Warn,
        Unknown,
        NotChecked,
        /// <summary>
        /// An instruction for the moment of registration (sign in again with MFA just before adding the passkey):
        /// shown in the findings and the summary, nothing to fix beforehand, so it leaves a user Ready. Last, so the
        /// numbers of the other values stay as they were.
        /// </summary>
        Advice,
    }
}
