using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// No include target of the Passkey (FIDO2) method contains the user (nested groups count), so the method is not
    /// enabled for them and their passkeys cannot sign in; an include target pointing at a deleted group is named, as
    /// the group the user was probably meant to be in.
    /// </summary>
    public sealed class SignInUserNotTargetedRule : ISignInRule
    {
        public const string Code = "SignInUserNotTargeted";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey)
        {
            var fido2 = input.Tenant.Fido2;
            var inclusion = Targeting.FirstMatch(fido2.IncludeTargets, input.User);
            if (inclusion != null)
            {
                return RuleOutcome.Pass(Facts.Of(("includedBy", Targeting.Describe(inclusion, input.Tenant))));
            }

            var targets = fido2.IncludeTargets.Select(t => Targeting.Describe(t, input.Tenant)).ToList();
            var deleted = fido2.IncludeTargets.Where(t => t.Kind == PolicyTargetKind.Group && !input.Tenant.Group(t.Id).Exists).Select(t => t.Id).ToList();
            var targetList = targets.Count == 0 ? "none" : string.Join(", ", targets);
            return RuleOutcome.Fail(
                Code,
                $"{input.User.Name} is not in any target the Passkey (FIDO2) method is enabled for (targets: {targetList}), so their passkeys cannot sign in."
                + (deleted.Count == 0 ? string.Empty : $" An include target points at a deleted group ({string.Join(", ", deleted)}); the user was probably in it."),
                deleted.Count == 0
                    ? targets.Count == 0 ? "Add an include target to the Passkey (FIDO2) method that contains the user." : $"Add the user to one of: {targetList}."
                    : "Restore the deleted group (Entra admin center > Groups > Deleted groups, within 30 days) or add the user to a live include target.",
                Facts.Of(("includeTargets", targetList), ("deletedIncludeTargetIds", deleted.Count == 0 ? null : string.Join(", ", deleted))));
        }
    }
}
