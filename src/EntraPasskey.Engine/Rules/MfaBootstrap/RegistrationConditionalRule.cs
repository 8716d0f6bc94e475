using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled registration policy would block the user or demand a strength they cannot meet, but only under
    /// conditions Graph cannot see in advance: where they are (location), the platform, client app, risk or a device
    /// filter. A Warn: it depends on where and how they register.
    /// </summary>
    public sealed class RegistrationConditionalRule : ILayerRule
    {
        public const string Code = "RegistrationDependsOnConditions";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var conditional = RegistrationPolicies.Shortfalls(input).FirstOrDefault(s => s.IsConditional && s.Kind != ShortfallKind.Device);
            if (conditional == null)
            {
                return null;
            }

            var what = conditional.Kind == ShortfallKind.Block ? "blocks" : $"requires {conditional.Unmet}, which {input.User.Name} cannot meet, for";
            return RuleOutcome.Warn(
                Code,
                $"Conditional Access policy '{conditional.Policy.DisplayName}' {what} registering security information {string.Join("; ", conditional.Conditions)}. Whether {input.User.Name} is stopped depends on where and how they register.",
                "Have the user register from where the policy does not apply (for example on the corporate network when it exempts trusted locations), or exclude them while they onboard.",
                conditional.Facts());
        }
    }
}
