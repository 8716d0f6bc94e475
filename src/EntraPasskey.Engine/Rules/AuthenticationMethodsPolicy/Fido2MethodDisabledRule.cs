using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>The Passkey (FIDO2) method is off for the whole tenant.</summary>
    public sealed class Fido2MethodDisabledRule : ILayerRule
    {
        public const string Code = "Fido2MethodDisabled";

        public PasskeyLayer Layer => PasskeyLayer.AuthenticationMethodsPolicy;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            if (input.Tenant.Fido2.Enabled)
            {
                return null;
            }

            return RuleOutcome.Fail(
                Code,
                "The Passkey (FIDO2) method is disabled in the authentication methods policy, so nobody can add a passkey.",
                "Entra admin center > Protection > Authentication methods > Passkey (FIDO2): enable it and target the intended group.",
                Facts.Of(("fido2State", "disabled")));
        }
    }
}
