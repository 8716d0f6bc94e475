using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>
    /// The user is in no live include target of the Passkey (FIDO2) method, and at least one include target points at
    /// a deleted group. The user was probably meant to be in that group, so this replaces UserNotTargeted (it runs
    /// first); when the user is targeted through another target, a dangling target is not this user's problem.
    /// </summary>
    public sealed class IncludeTargetDeletedRule : ILayerRule
    {
        public const string Code = "IncludeTargetDeleted";

        public PasskeyLayer Layer => PasskeyLayer.AuthenticationMethodsPolicy;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var fido2 = input.Tenant.Fido2;
            if (Targeting.FirstMatch(fido2.IncludeTargets, input.User) != null)
            {
                return null;
            }

            var dangling = fido2.IncludeTargets
                .Where(t => t.Kind == PolicyTargetKind.Group && !input.Tenant.Group(t.Id).Exists)
                .Select(t => t.Id)
                .ToList();
            if (dangling.Count == 0)
            {
                return null;
            }

            var ids = string.Join(", ", dangling);
            var live = fido2.IncludeTargets.Where(t => !dangling.Contains(t.Id)).Select(t => Targeting.Describe(t, input.Tenant)).ToList();
            return RuleOutcome.Fail(
                Code,
                $"{input.User.Name} is not in any live Passkey (FIDO2) include target, and {(dangling.Count == 1 ? "an include target is a group that has been deleted" : $"{dangling.Count} include targets are groups that have been deleted")}; the user was probably meant to be in {(dangling.Count == 1 ? "it" : "one of them")}.",
                $"Restore the deleted {(dangling.Count == 1 ? "group" : "groups")} (Entra admin center > Groups > Deleted groups, within 30 days of deletion; object id {ids}) or replace the dangling target with a live group that contains the user.",
                Facts.Of(
                    ("deletedIncludeTargetIds", ids),
                    ("liveIncludeTargets", live.Count == 0 ? "none" : string.Join(", ", live))));
        }
    }
}
