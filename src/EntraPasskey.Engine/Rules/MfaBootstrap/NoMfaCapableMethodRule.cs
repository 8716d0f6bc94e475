using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Adding a passkey needs MFA first; a user with no method that can satisfy it is stuck. A registered passkey the
    /// user's passkey profiles no longer admit cannot sign in, so it does not count, and the finding names it. The
    /// remediation offers a Temporary Access Pass only when one would be usable, and otherwise says what stands in
    /// its way.
    /// </summary>
    public sealed class NoMfaCapableMethodRule : ILayerRule
    {
        public const string Code = "NoMfaCapableMethod";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var assessed = MfaCapability.AssessAll(input);
            var counted = assessed.Where(a => a.WhyNot == null).Select(a => a.Method.Describe()).ToList();
            var notCounted = assessed.Where(a => a.WhyNot != null && a.Method.Kind != MethodKind.Password && a.Method.Kind != MethodKind.Email)
                .Select(a => $"{a.Method.Describe()}: {a.WhyNot}")
                .ToList();
            var rejectedPasskeys = assessed.Where(a => a.PasskeyProfileRejection != null).Select(a => a.Method.Describe()).ToList();
            var registered = input.User.Methods.Count == 0 ? "none" : string.Join(", ", input.User.Methods.Select(m => m.Describe()));

            if (counted.Count > 0)
            {
                return RuleOutcome.Pass(Facts.Of(
                    ("mfaMethods", string.Join(", ", counted)),
                    ("notCounted", notCounted.Count == 0 ? null : string.Join("; ", notCounted)),
                    ("passkeysRejectedByPolicy", MfaCapability.PasskeysRejectedByProfiles(input))));
            }

            var tapObstacle = TapBootstrap.Obstacle(input.Tenant, input.User);
            var alternatives = MfaAlternatives.For(input.Tenant, input.User);
            var one = rejectedPasskeys.Count == 1;
            var passkeys = one ? rejectedPasskeys[0] : $"passkeys ({string.Join(", ", rejectedPasskeys)})";
            return RuleOutcome.Fail(
                Code,
                $"{input.User.Name} has no registered method that can satisfy MFA (registered: {registered}); Security info asks for MFA before a passkey can be added."
                    + (rejectedPasskeys.Count == 0 ? string.Empty : $" Their {passkeys} cannot sign in: their passkey profiles no longer admit {(one ? "it" : "them")}."),
                TapBootstrap.Advice(input.User, tapObstacle, alternatives)
                    + (rejectedPasskeys.Count == 0 ? string.Empty : $" If the passkey profiles were not meant to shut out their {passkeys}, admit {(one ? "it" : "them")} again and {(one ? "it counts" : "they count")}."),
                Facts.Of(
                    ("registered", registered),
                    ("notCounted", notCounted.Count == 0 ? null : string.Join("; ", notCounted)),
                    ("passkeysRejectedByPolicy", MfaCapability.PasskeysRejectedByProfiles(input)),
                    ("tapWouldHelp", TapBootstrap.WouldHelp(tapObstacle?.Why)),
                    ("allowedMfaMethods", alternatives.Count == 0 ? "none" : string.Join(", ", alternatives))));
        }
    }
}
