using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// The Conditional Access policies could not be read (usually a missing Policy.Read.All), so whether one stops the
    /// passkey is unknown. Not knowing is never reported as usable.
    /// </summary>
    public sealed class SignInConditionalAccessUnreadableRule : ISignInRule
    {
        public const string Code = "SignInConditionalAccessUnreadable";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey)
        {
            var gap = input.Tenant.ConditionalAccess.Gap;
            if (gap == null || !RegistrationPolicies.InEffect(input.Tenant))
            {
                return null;
            }

            return RuleOutcome.Unknown(
                Code,
                "The Conditional Access policies could not be read, so whether one requires something this passkey cannot give is unknown: " + gap.Why,
                gap.MissingPermission == null
                    ? "Run the command again; if it keeps failing, check the Microsoft 365 service health."
                    : $"Grant {gap.MissingPermission} (with admin consent), connect again and re-run the check.",
                Facts.Of(("conditionalAccess", "not read"), ("missingPermission", gap.MissingPermission)));
        }
    }
}
