using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// The attempt (-Aaguid) is a passkey in Microsoft Authenticator, and an enabled All-resources policy that applies
    /// to the user on the phone's platform requires an approved client app or an app protection policy without
    /// excluding the Microsoft Authenticator Credential Registration app: registration in Authenticator is refused
    /// (graph-facts §8.2). Runs after the MFA-method failures, which stop the user before they reach the app.
    /// </summary>
    public sealed class AuthenticatorAppProtectionBlockedRule : ILayerRule
    {
        public const string Code = "AuthenticatorBlockedByAppProtection";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var platform = AllResourcesPolicies.AuthenticatorPlatform(input.Hints);
            if (platform == null)
            {
                return null;
            }

            var blocked = AllResourcesPolicies.Shortfalls(input).FirstOrDefault(s => s.Demand == AllResourcesDemand.AppProtection && s.IsCertain);
            if (blocked == null)
            {
                return null;
            }

            return RuleOutcome.Fail(
                Code,
                $"Conditional Access policy '{blocked.Policy.DisplayName}' requires {blocked.Unmet} for all resources and does not exclude the {AllResourcesPolicies.CredentialRegistrationApp} app, which registers passkeys in Microsoft Authenticator and cannot satisfy it, so {input.User.Name} cannot add this passkey in Authenticator on {platform} ({blocked.Scope.How}).",
                AllResourcesFixes.AppProtection(blocked.Policy.DisplayName),
                blocked.Facts(("registrationApp", AllResourcesPolicies.CredentialRegistrationApp), ("attempt", "Microsoft Authenticator on " + platform)));
        }
    }
}
