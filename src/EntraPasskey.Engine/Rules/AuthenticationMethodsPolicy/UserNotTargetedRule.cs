using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>No include target of the Passkey (FIDO2) method contains the user, directly or through nested groups.</summary>
    public sealed class UserNotTargetedRule : ILayerRule
    {
        public const string Code = "UserNotTargeted";

        public PasskeyLayer Layer => PasskeyLayer.AuthenticationMethodsPolicy;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var fido2 = input.Tenant.Fido2;
            var inclusion = Targeting.FirstMatch(fido2.IncludeTargets, input.User);
            if (inclusion != null)
            {
                return RuleOutcome.Pass(Facts.Of(("includedBy", Targeting.Describe(inclusion, input.Tenant))));
            }

            var targets = fido2.IncludeTargets.Select(t => Targeting.Describe(t, input.Tenant)).ToList();
            var targetList = targets.Count == 0 ? "none" : string.Join(", ", targets);
            return RuleOutcome.Fail(
                Code,
                $"{input.User.Name} is not in any group the Passkey (FIDO2) method is enabled for (targets: {targetList}).",
                targets.Count == 0
                    ? "Add an include target to the Passkey (FIDO2) method that contains the user."
                    : $"Add the user to one of: {targetList}.",
                Facts.Of(("includeTargets", targetList), ("includeTargetIds", string.Join(", ", fido2.IncludeTargets.Select(t => t.Id)))));
        }
    }
}
