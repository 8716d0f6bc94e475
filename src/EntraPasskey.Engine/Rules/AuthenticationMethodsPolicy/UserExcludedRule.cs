using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>An exclude target of the Passkey (FIDO2) method contains the user; exclusion beats inclusion.</summary>
    public sealed class UserExcludedRule : ILayerRule
    {
        public const string Code = "UserExcluded";

        public PasskeyLayer Layer => PasskeyLayer.AuthenticationMethodsPolicy;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var fido2 = input.Tenant.Fido2;
            var exclusion = Targeting.FirstMatch(fido2.ExcludeTargets, input.User);
            if (exclusion == null)
            {
                return null;
            }

            var excludedBy = Targeting.Describe(exclusion, input.Tenant);
            var inclusion = Targeting.FirstMatch(fido2.IncludeTargets, input.User);
            var group = input.Tenant.Group(exclusion.Id);
            return RuleOutcome.Fail(
                Code,
                $"{input.User.Name} is excluded from Passkey (FIDO2) by {excludedBy}; exclusion beats inclusion.",
                exclusion.Kind == PolicyTargetKind.User
                    ? "Remove the user from the Passkey (FIDO2) exclusions if they should use passkeys."
                    : $"Remove the user from {group.DisplayName ?? group.Id} if they should use passkeys.",
                Facts.Of(
                    ("excludedBy", group.DisplayName ?? exclusion.Id),
                    ("excludedById", exclusion.Id),
                    ("alsoIncludedBy", inclusion == null ? null : Targeting.Describe(inclusion, input.Tenant))));
        }
    }
}
