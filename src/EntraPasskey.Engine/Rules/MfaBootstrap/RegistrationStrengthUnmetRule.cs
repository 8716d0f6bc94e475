using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled Conditional Access policy on "Register security information" applies to the user wherever they are
    /// and requires an authentication strength that none of their usable methods meets. It runs before
    /// TapNotUsable and NoMfaCapableMethod because its remediation is the one that holds: whether issuing a Temporary
    /// Access Pass gets them through (TAP enabled, the user targeted, and the strength accepting the kind of pass the
    /// policy issues) or the strength itself must change.
    /// </summary>
    public sealed class RegistrationStrengthUnmetRule : ILayerRule
    {
        public const string Code = "RegistrationAuthStrengthUnmet";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var unmet = RegistrationPolicies.Shortfalls(input).FirstOrDefault(s => s.IsCertain && s.Kind == ShortfallKind.Strength);
            if (unmet == null)
            {
                return null;
            }

            var strength = unmet.Policy.Grant.AuthenticationStrength!;
            var modes = AuthenticationModes.Of(input);
            var obstacle = TapBootstrap.Obstacle(input.Tenant, input.User);
            var strengthRejectsTap = TapBootstrap.StrengthRejects(input.Tenant, strength);
            var accepted = AuthenticationModes.Describe(strength);
            return RuleOutcome.Fail(
                Code,
                $"Conditional Access policy '{unmet.Policy.DisplayName}' requires {unmet.Unmet} to register security information, and none of {input.User.Name}'s usable methods meets it (they can present: {Describe(modes)}).",
                Remediation(input.User.Name, unmet.Policy.DisplayName, strength, obstacle, strengthRejectsTap),
                unmet.Facts(
                    ("acceptedCombinations", accepted),
                    ("userModes", Describe(modes)),
                    ("tapWouldHelp", TapBootstrap.WouldHelp(obstacle?.Why, strengthRejectsTap)),
                    ("passkeysRejectedByPolicy", MfaCapability.PasskeysRejectedByProfiles(input))),
                headline: $"Conditional Access '{unmet.Policy.DisplayName}' requires '{strength.DisplayName}' to register, and none of {input.User.Name}'s methods meets it.");
        }

        /// <summary>
        /// The user cannot register any method while the policy stands (registering one is what it guards), so the
        /// ways through are a pass the strength accepts and the user can use, or a change to the policy.
        /// </summary>
        private static string Remediation(string name, string policy, AuthenticationStrength strength, TapObstacle? obstacle, string? strengthRejectsTap)
        {
            var allowTap = "allow temporaryAccessPassOneTime in the strength (a custom strength with Temporary Access Pass and passkey is the usual onboarding pattern)";
            var exclude = $"exclude {name} from '{policy}' until they have registered";
            if (obstacle == null && strengthRejectsTap == null)
            {
                return $"{TapBootstrap.Sentence(TapBootstrap.IssuePass(strength))}: the policy accepts one and the user can use it. The user signs in with it and adds the passkey before it expires.";
            }

            if (obstacle == null)
            {
                return $"A Temporary Access Pass would not help: {strengthRejectsTap}. {TapBootstrap.Sentence(allowTap)}, then issue a pass; or {exclude}.";
            }

            if (obstacle.Fix == null)
            {
                return $"A Temporary Access Pass would not help: {obstacle.Why}. {TapBootstrap.Sentence(exclude)}, or change the strength to one they can meet.";
            }

            return strengthRejectsTap == null
                ? $"A Temporary Access Pass would satisfy the strength but would not work for {name} yet: {obstacle.Why}. Either {obstacle.Fix}, then {TapBootstrap.IssuePass(strength)}; or {exclude}."
                : $"A Temporary Access Pass would not help: {obstacle.Why}; and {strengthRejectsTap}. Either {obstacle.Fix} and {allowTap}, then issue a pass; or {exclude}.";
        }

        private static string Describe(ISet<string> modes) => modes.Count == 0 ? "none" : string.Join(", ", modes.OrderBy(m => m));
    }
}
