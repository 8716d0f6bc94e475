using System;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>One step of a sign-in (beta authenticationDetails): when, with which method, for which requirement.</summary>
    /// <param name="Method">As the logs name it: "Password", "Mobile app notification", "FIDO2 security key", "Previously satisfied", ...</param>
    /// <param name="Requirement">"Primary authentication", or the MFA step in one of the wordings the logs use.</param>
    public sealed record AuthenticationStep(DateTimeOffset? At, string? Method, string? Requirement, bool Succeeded)
    {
        /// <summary>The wordings authenticationStepRequirement has been seen with for the second factor.</summary>
        private static readonly string[] MfaWordings = { "MFA", "Multi-factor authentication", "Multifactor authentication" };

        /// <summary>Whether this step was the second factor, whichever wording the logs use.</summary>
        public bool IsMfa => Requirement != null && Array.Exists(MfaWordings, w => string.Equals(w, Requirement.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Whether the step used a passkey. Microsoft documents no list of method names for it; the logs have been seen
        /// naming it "FIDO2 security key" and "Passkey (device-bound)", so any name with FIDO or passkey counts.
        /// </summary>
        public bool IsPasskey => Method != null
            && (Method.IndexOf("FIDO", StringComparison.OrdinalIgnoreCase) >= 0 || Method.IndexOf("passkey", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
