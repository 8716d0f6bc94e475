using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>isSelfServiceRegistrationAllowed = false hides passkeys in Security info even when the method is enabled.</summary>
    public sealed class SelfServiceRegistrationDisabledRule : ILayerRule
    {
        public const string Code = "SelfServiceRegistrationDisabled";

        public PasskeyLayer Layer => PasskeyLayer.AuthenticationMethodsPolicy;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            if (input.Tenant.Fido2.IsSelfServiceRegistrationAllowed)
            {
                return null;
            }

            return RuleOutcome.Fail(
                Code,
                "Passkey self-service set-up is turned off (isSelfServiceRegistrationAllowed = false), which hides passkeys in Security info for everyone.",
                "Turn on 'Allow self-service set up' in the Passkey (FIDO2) method settings.",
                Facts.Of(("isSelfServiceRegistrationAllowed", "false")));
        }
    }
}
