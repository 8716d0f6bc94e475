namespace EntraPasskey
{
    /// <summary>The outcome of one layer for one user.</summary>
    public enum FindingStatus
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
