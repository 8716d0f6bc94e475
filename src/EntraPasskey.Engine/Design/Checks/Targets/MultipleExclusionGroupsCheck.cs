using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Targets
{
    /// <summary>
    /// The Passkey (FIDO2) policy excludes several groups. Exclusion beats inclusion for registration and sign-in, so
    /// every exclusion group is one more place a user can be silently cut off; the design keeps one named exclusion
    /// group that the help desk checks first.
    /// </summary>
    public sealed class MultipleExclusionGroupsCheck : IDesignCheck
    {
        public string Id => "MultipleExclusionGroups";

        public string Title => "Exclusions are consolidated in one named group";

        public DesignSeverity Severity => DesignSeverity.Low;

        public Uri Documentation => DesignDocs.EnablePasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var fido2 = input.Tenant.Fido2;
            var groups = fido2.ExcludeTargets.Where(t => t.Kind == PolicyTargetKind.Group).ToList();
            if (!fido2.Enabled || groups.Count < 2)
            {
                return null;
            }

            var names = string.Join(", ", groups.Select(t => Targeting.Describe(t, input.Tenant)));
            return DesignOutcome.Fail(
                $"The Passkey (FIDO2) policy excludes {groups.Count} groups ({names}). Exclusion beats inclusion, so each is one more place a user is silently blocked from registering and signing in with a passkey.",
                "Consolidate the exclusions into one named exclusion group (nest the others in it or move their members), so the help desk has one group to check.",
                Facts.Of(("excludedGroups", names)),
                input.Sizes.Of(groups, input.Tenant));
        }
    }
}
