using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// An exclude target of the Passkey (FIDO2) method contains the user: "they're blocked from FIDO2 passkey
    /// registration or sign-in entirely", whatever includes them (ED how-to-authentication-passkey-profiles).
    /// </summary>
    public sealed class SignInUserExcludedRule : ISignInRule
    {
        public const string Code = "SignInUserExcluded";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey)
        {
            var fido2 = input.Tenant.Fido2;
            var exclusion = Targeting.FirstMatch(fido2.ExcludeTargets, input.User);
            if (exclusion == null)
            {
                return null;
            }

            var group = input.Tenant.Group(exclusion.Id);
            var inclusion = Targeting.FirstMatch(fido2.IncludeTargets, input.User);
            return RuleOutcome.Fail(
                Code,
                $"{input.User.Name} is excluded from Passkey (FIDO2) by {Targeting.Describe(exclusion, input.Tenant)}, so none of their passkeys can sign in (exclusion beats inclusion).",
                exclusion.Kind == PolicyTargetKind.User
                    ? "Remove the user from the Passkey (FIDO2) exclusions if they should sign in with passkeys."
                    : $"Remove the user from {group.DisplayName ?? group.Id} if they should sign in with passkeys.",
                Facts.Of(
                    ("excludedBy", group.DisplayName ?? exclusion.Id),
                    ("excludedById", exclusion.Id),
                    ("alsoIncludedBy", inclusion == null ? null : Targeting.Describe(inclusion, input.Tenant))));
        }
    }
}
