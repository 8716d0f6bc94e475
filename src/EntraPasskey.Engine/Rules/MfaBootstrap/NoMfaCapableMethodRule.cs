using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Adding a passkey needs MFA first; a user with no method that can satisfy it is stuck. The remediation offers a
    /// Temporary Access Pass only when one would be usable, and otherwise says what stands in its way.
    /// </summary>
    public sealed class NoMfaCapableMethodRule : ILayerRule
    {
        public const string Code = "NoMfaCapableMethod";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public int Order => 100;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var assessed = input.User.Methods
                .Select(m => (Method: m, WhyNot: MfaCapability.WhyNotCounted(m, input.Tenant, input.User)))
                .ToList();
            var counted = assessed.Where(a => a.WhyNot == null).Select(a => a.Method.Describe()).ToList();
            var notCounted = assessed.Where(a => a.WhyNot != null && a.Method.Kind != Evidence.MethodKind.Password && a.Method.Kind != Evidence.MethodKind.Email)
                .Select(a => $"{a.Method.Describe()}: {a.WhyNot}")
                .ToList();
            var registered = input.User.Methods.Count == 0 ? "none" : string.Join(", ", input.User.Methods.Select(m => m.Describe()));

            if (counted.Count > 0)
            {
                return RuleOutcome.Pass(Facts.Of(
                    ("mfaMethods", string.Join(", ", counted)),
                    ("notCounted", notCounted.Count == 0 ? null : string.Join("; ", notCounted))));
            }

            var tapObstacle = TapBootstrap.Obstacle(input.Tenant, input.User);
            var alternatives = MfaAlternatives.For(input.Tenant, input.User);
            return RuleOutcome.Fail(
                Code,
                $"{input.User.Name} has no registered method that can satisfy MFA (registered: {registered}); Security info asks for MFA before a passkey can be added.",
                TapBootstrap.Advice(input.User, tapObstacle, alternatives),
                Facts.Of(
                    ("registered", registered),
                    ("notCounted", notCounted.Count == 0 ? null : string.Join("; ", notCounted)),
                    ("tapWouldHelp", TapBootstrap.WouldHelp(tapObstacle?.Why)),
                    ("allowedMfaMethods", alternatives.Count == 0 ? "none" : string.Join(", ", alternatives))));
        }
    }
}
