using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled registration policy would block the user or demand a strength they cannot meet, but whether it
    /// applies to them depends only on directory roles (includeRoles), which are not read: Unknown, with why.
    /// </summary>
    public sealed class RegistrationScopeUnknownRule : ILayerRule
    {
        public const string Code = "ConditionalAccessScopeUnknown";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var unsure = RegistrationPolicies.Shortfalls(input).FirstOrDefault(s =>
                s.Scope.Verdict == ScopeVerdict.Unknown && !s.IsConditional && s.Kind != ShortfallKind.Device);
            if (unsure == null)
            {
                return null;
            }

            return RuleOutcome.Unknown(
                Code,
                $"Conditional Access policy '{unsure.Policy.DisplayName}' would stop {input.User.Name} from registering security information ({unsure.Unmet} not met), but it is not known whether it applies: {unsure.Scope.How}.",
                $"Check whether {input.User.Name} holds one of the directory roles '{unsure.Policy.DisplayName}' targets (Entra admin center > Users > Assigned roles). If so, treat this as blocked.",
                unsure.Facts(),
                headline: $"{input.User.Name} may be stopped from registering by Conditional Access '{unsure.Policy.DisplayName}'; whether it applies to them is not known.");
        }
    }
}
