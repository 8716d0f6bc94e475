using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled All-resources policy that may apply requires an approved client app or an app protection policy and
    /// does not exclude the Microsoft Authenticator Credential Registration app, so a passkey cannot be registered in
    /// Authenticator; but it is not certain that this stops the user: the attempt is not known (no -Aaguid, or one the
    /// catalog does not know), the policy applies only under conditions, a compliant phone would also satisfy it, or
    /// (without an Authenticator attempt) it applies only through directory roles. A Warn naming the Authenticator
    /// path. An attempt the catalog knows is not Authenticator (a security key, a platform passkey) never goes
    /// through the app, so the policy does not concern it.
    /// </summary>
    public sealed class AuthenticatorAppProtectionRiskRule : ILayerRule
    {
        public const string Code = "AuthenticatorAppProtectionNotExcluded";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var platform = AllResourcesPolicies.AuthenticatorPlatform(input.Hints);
            if (platform == null && input.Hints.Aaguid is { } tried && input.Authenticators.Find(tried) != null)
            {
                return null;
            }

            var risk = AllResourcesPolicies.Shortfalls(input).FirstOrDefault(s =>
                s.Demand == AllResourcesDemand.AppProtection && (platform == null || s.IsConditional || s.DeviceMaySatisfy));
            if (risk == null)
            {
                return null;
            }

            var user = input.User.Name;
            var unless = new List<string>();
            if (risk.IsConditional)
            {
                unless.Add(string.Join("; ", risk.Conditions));
            }

            if (risk.DeviceMaySatisfy)
            {
                unless.Add("a compliant phone also satisfies it");
            }

            if (risk.Scope.Verdict == ScopeVerdict.Unknown)
            {
                unless.Add("whether it applies to " + user + " is not known: " + risk.Scope.How);
            }

            var path = platform != null
                ? string.Empty
                : input.Hints.Aaguid is { } aaguid
                    ? $" The attempt's authenticator ({aaguid}) is not in the catalog, so whether it goes through Authenticator is not known."
                    : $" Which authenticator {user} uses is not known (pass -Aaguid); a security key or another passkey provider does not go through Authenticator.";
            return RuleOutcome.Warn(
                Code,
                $"Conditional Access policy '{risk.Policy.DisplayName}' requires {risk.Unmet} for all resources and does not exclude the {AllResourcesPolicies.CredentialRegistrationApp} app, so a passkey cannot be registered in Microsoft Authenticator"
                    + (unless.Count == 0 ? "." : $" ({string.Join("; ", unless)}).")
                    + path,
                AllResourcesFixes.AppProtection(risk.Policy.DisplayName),
                risk.Facts(
                    ("registrationApp", AllResourcesPolicies.CredentialRegistrationApp),
                    ("attempt", platform == null ? (input.Hints.Aaguid?.ToString() ?? "not given") : "Microsoft Authenticator on " + platform)));
        }
    }
}
