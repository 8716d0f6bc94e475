using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled Conditional Access policy on All resources applies to the user wherever they are and requires an
    /// authentication strength none of their usable methods meets. Signing in to Security info or Microsoft
    /// Authenticator to register is covered too, so when the strength does not accept a Temporary Access Pass either
    /// (phishing-resistant MFA for a user with no passkey yet) the user needs a passkey to register their first
    /// passkey: a loop. Runs after the registration-policy failures, which name the policy on the user action itself,
    /// and before TapNotUsable and NoMfaCapableMethod, because a new pass does not help when the strength refuses it.
    /// </summary>
    public sealed class AllResourcesStrengthUnmetRule : ILayerRule
    {
        public const string Code = "AllResourcesAuthStrengthUnmet";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var tenant = input.Tenant;
            if (!RegistrationPolicies.InEffect(tenant) || tenant.ConditionalAccess.Gap != null)
            {
                return null;
            }

            var unmet = AllResourcesPolicies.Shortfalls(input).FirstOrDefault(s => s.Demand == AllResourcesDemand.AuthStrength && s.IsCertain);
            if (unmet == null)
            {
                var considered = AllResourcesPolicies.Relevant(tenant).Select(p => $"'{p.DisplayName}'").ToList();
                return considered.Count == 0 ? null : RuleOutcome.Pass(Facts.Of(("allResourcesPolicies", string.Join(", ", considered))));
            }

            var user = input.User.Name;
            var policy = unmet.Policy.DisplayName;
            var strength = unmet.Policy.Grant.AuthenticationStrength!;
            var modes = AuthenticationModes.Of(input);
            return RuleOutcome.Fail(
                Code,
                $"Conditional Access policy '{policy}' requires {unmet.Unmet} for all resources, which includes signing in to Security info and Microsoft Authenticator, and none of {user}'s usable methods meets it (they can present: {Describe(modes)})."
                    + NoWayIn(user, strength, TapBootstrap.StrengthRejects(tenant, strength)),
                AllResourcesFixes.AuthStrength(policy, strength, input),
                unmet.Facts(
                    ("acceptedCombinations", AuthenticationModes.Describe(strength)),
                    ("userModes", Describe(modes)),
                    ("tapWouldHelp", AllResourcesFixes.TapWouldHelp(input, strength)),
                    ("passkeysRejectedByPolicy", MfaCapability.PasskeysRejectedByProfiles(input))),
                headline: $"Conditional Access '{policy}' requires '{strength.DisplayName}' for every sign-in, and none of {user}'s methods meets it.");
        }

        /// <summary>
        /// When no pass the TAP policy issues gets past the strength either (the same answer the remediation acts on),
        /// why the user cannot get in: with a strength that takes passkeys, the loop.
        /// </summary>
        private static string NoWayIn(string user, AuthenticationStrength strength, string? strengthRejectsTap)
        {
            if (strengthRejectsTap == null)
            {
                return string.Empty;
            }

            var takesPasskeys = strength.AllowedCombinations.Any(c => c.Any(m => string.Equals(m, AuthenticationModes.Fido2, System.StringComparison.OrdinalIgnoreCase)));
            return $" {TapBootstrap.Sentence(strengthRejectsTap)}, so "
                + (takesPasskeys
                    ? $"{user} would need a passkey to sign in before they can register their first one."
                    : $"nothing {user} has or can be issued meets it.");
        }

        private static string Describe(ISet<string> modes) => modes.Count == 0 ? "none" : string.Join(", ", modes.OrderBy(m => m));
    }
}
