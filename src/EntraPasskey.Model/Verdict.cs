namespace EntraPasskey
{
    /// <summary>The overall answer for one user.</summary>
    public enum Verdict
    {
        /// <summary>Every layer that could be evaluated passed.</summary>
        Ready,
        /// <summary>At least one layer fails; the user cannot add a passkey until it is fixed.</summary>
        Blocked,
        /// <summary>Nothing fails, but at least one layer warns.</summary>
        AtRisk,
        /// <summary>Nothing fails, but a layer that matters could not be evaluated.</summary>
        Unknown,
    }
}
