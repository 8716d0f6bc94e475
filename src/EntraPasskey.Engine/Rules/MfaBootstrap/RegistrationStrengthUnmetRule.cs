using System.Collections.Generic;
using System.Linq;

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

        public int Order => 85;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var unmet = RegistrationPolicies.Shortfalls(input).FirstOrDefault(s => s.IsCertain && s.Kind == ShortfallKind.Strength);
            if (unmet == null)
            {
                return null;
            }

            var strength = unmet.Policy.Grant.AuthenticationStrength;
            var modes = AuthenticationModes.Of(input.Tenant, input.User);
            var whyNotTap = TapBootstrap.WhyNot(input.Tenant, input.User, strength);
            var accepted = AuthenticationModes.Describe(strength!);
            return RuleOutcome.Fail(
                Code,
                $"Conditional Access policy '{unmet.Policy.DisplayName}' requires {unmet.Unmet} to register security information, and none of {input.User.Name}'s usable methods meets it (they can present: {Describe(modes)}).",
                whyNotTap == null
                    ? $"Issue a Temporary Access Pass with New-PasskeyBootstrapTap: the policy accepts one and the user is in the TAP policy. The user signs in with it and adds the passkey before it expires."
                    : $"A Temporary Access Pass would not help: {whyNotTap}. Allow temporaryAccessPassOneTime in the strength (a custom strength with Temporary Access Pass and passkey is the usual onboarding pattern), or have the user register a method it accepts ({accepted}).",
                unmet.Facts(
                    ("acceptedCombinations", accepted),
                    ("userModes", Describe(modes)),
                    ("tapWouldHelp", whyNotTap == null ? "yes" : "no: " + whyNotTap)));
        }

        private static string Describe(ISet<string> modes) => modes.Count == 0 ? "none" : string.Join(", ", modes.OrderBy(m => m));
    }
}
