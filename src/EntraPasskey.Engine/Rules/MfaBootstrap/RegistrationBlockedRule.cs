using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled Conditional Access policy on "Register security information" blocks the user outright: it applies
    /// to them wherever they are and its grant is "block access". No method or TAP can satisfy a block, so it is the
    /// first reason layer 3 gives.
    /// </summary>
    public sealed class RegistrationBlockedRule : ILayerRule
    {
        public const string Code = "RegistrationBlockedByConditionalAccess";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var blocked = RegistrationPolicies.Shortfalls(input).FirstOrDefault(s => s.IsCertain && s.Kind == ShortfallKind.Block);
            if (blocked == null)
            {
                return null;
            }

            return RuleOutcome.Fail(
                Code,
                $"Conditional Access policy '{blocked.Policy.DisplayName}' blocks {input.User.Name} from registering security information ({blocked.Scope.How}).",
                $"Exclude the user (or a group they are in) from '{blocked.Policy.DisplayName}', or change its grant; a Temporary Access Pass cannot get past a block.",
                blocked.Facts());
        }
    }
}
