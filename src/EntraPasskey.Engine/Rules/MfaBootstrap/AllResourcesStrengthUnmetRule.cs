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

        public int Order => 87;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        /// <summary>
        /// What gets the user past the strength: a Temporary Access Pass when the strength accepts one and a pass would
        /// be usable; the Temporary Access Pass policy when only it stands in the way; otherwise the way out of the loop
        /// Microsoft documents (graph-facts §8.2): split desktop and mobile policies and allow a pass on mobile.
        /// </summary>
        public static string BootstrapFix(string policy, AuthenticationStrength strength, DiagnosisInput input)
        {
            var user = input.User.Name;
            var obstacle = TapBootstrap.Obstacle(input.Tenant, input.User);
            var strengthRejectsTap = TapBootstrap.StrengthRejects(input.Tenant, strength);
            if (obstacle == null && strengthRejectsTap == null)
            {
                return $"{TapBootstrap.Sentence(TapBootstrap.IssuePass(strength))}: '{strength.DisplayName}' accepts one and {user} can use it. They sign in with it and add the passkey before it expires.";
            }

            if (strengthRejectsTap == null)
            {
                return obstacle!.Fix == null
                    ? $"'{strength.DisplayName}' accepts a Temporary Access Pass, but no pass can work for {user}: {obstacle.Why}. Exclude {user} from '{policy}', or change its strength to one they can meet."
                    : $"'{strength.DisplayName}' accepts a Temporary Access Pass, but a new pass would not work for {user} yet: {obstacle.Why}. {TapBootstrap.Sentence(obstacle.Fix)}, then {TapBootstrap.IssuePass(strength)}.";
            }

            return $"Split '{policy}' into a desktop policy and a mobile (iOS/Android) policy whose authentication strength also accepts a Temporary Access Pass (for example a custom strength of Temporary Access Pass or passkey), or exclude {user} from it while they onboard; then issue a pass with New-PasskeyBootstrapTap so they can sign in and add the passkey."
                + (obstacle == null ? string.Empty : $" A pass would not work for {user} yet either: {obstacle.Why}" + (obstacle.Fix == null ? "." : $"; {obstacle.Fix}."));
        }

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
                BootstrapFix(policy, strength, input),
                unmet.Facts(
                    ("acceptedCombinations", AuthenticationModes.Describe(strength)),
                    ("userModes", Describe(modes)),
                    ("tapWouldHelp", TapWouldHelp(input, strength)),
                    ("passkeysRejectedByPolicy", MfaCapability.PasskeysRejectedByProfiles(input))));
        }

        /// <summary>The evidence value: "yes" when a pass issued now would meet the strength and be usable, else why not.</summary>
        public static string TapWouldHelp(DiagnosisInput input, AuthenticationStrength strength) =>
            TapBootstrap.WouldHelp(TapBootstrap.Obstacle(input.Tenant, input.User)?.Why, TapBootstrap.StrengthRejects(input.Tenant, strength));

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
