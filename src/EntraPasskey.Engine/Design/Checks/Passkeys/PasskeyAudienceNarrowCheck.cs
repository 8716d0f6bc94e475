using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Passkeys
{
    /// <summary>
    /// Passkeys are enabled for fewer than half of the tenant's users. Microsoft recommends deploying passkeys "as
    /// broadly in your organization as possible" (rollout waves are groups added one at a time); everyone outside the
    /// targets finds the passkey option missing. Judged only when the sizes are known: the threshold is ours.
    /// </summary>
    public sealed class PasskeyAudienceNarrowCheck : IDesignCheck
    {
        /// <summary>Below this share of the tenant's users the audience counts as narrow.</summary>
        public const double BroadShare = 0.5;

        public string Id => "PasskeyAudienceNarrow";

        public string Title => "Passkeys are enabled for the broadest intended group";

        public DesignSeverity Severity => DesignSeverity.Low;

        public Uri Documentation => DesignDocs.DeployPasswordless;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var fido2 = input.Tenant.Fido2;
            if (!fido2.Enabled || fido2.IncludeTargets.Any(t => t.Kind == PolicyTargetKind.AllUsers))
            {
                return null;
            }

            var targets = string.Join(", ", fido2.IncludeTargets.Select(t => Targeting.Describe(t, input.Tenant)));
            var audience = input.Sizes.Of(fido2.IncludeTargets, input.Tenant);
            if (!(audience.Users is int users) || !(input.Sizes.TenantUsers is int all))
            {
                return DesignOutcome.Unknown(
                    $"Passkeys are enabled for {(targets.Length == 0 ? "no target" : targets)}, not all users, and how many users that covers could not be counted: {audience.Basis}.",
                    "Grant GroupMember.Read.All (group sizes) and User.Read.All (the tenant's users) to judge the audience, or compare the targets with your rollout plan.",
                    Facts.Of(("includeTargets", targets)));
            }

            if (all == 0 || users >= all * BroadShare)
            {
                return null;
            }

            return DesignOutcome.Fail(
                $"Passkeys are enabled for at most {AudienceSizes.Number(users)} of {AudienceSizes.Number(all)} users ({targets}); everyone else finds the passkey option missing in Security info.",
                "Target All users (or your broadest intended group) and keep the people who must not use passkeys in one exclusion group; add rollout waves as groups, one at a time.",
                Facts.Of(("includeTargets", targets), ("targetedUsers", audience.Basis), ("tenantUsers", AudienceSizes.Number(all))),
                input.Sizes.Outside(audience));
        }
    }
}
