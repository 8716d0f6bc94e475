using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Targets
{
    /// <summary>
    /// The Passkey (FIDO2) policy names individual users as targets. Microsoft no longer recommends user targets
    /// ("We recommend moving individual users to a targeted group"); an excluded user in particular is invisible to
    /// anyone reviewing the groups, and is blocked from passkeys whatever groups include them.
    /// </summary>
    public sealed class IndividualUserTargetsCheck : IDesignCheck
    {
        public string Id => "IndividualUserTargets";

        public string Title => "Passkey targets are groups, not individual users";

        public DesignSeverity Severity => DesignSeverity.Low;

        public Uri Documentation => DesignDocs.PasskeyTarget;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var fido2 = input.Tenant.Fido2;
            var excluded = fido2.ExcludeTargets.Where(t => t.Kind == PolicyTargetKind.User).Select(t => t.Id).ToList();
            var included = fido2.IncludeTargets.Where(t => t.Kind == PolicyTargetKind.User).Select(t => t.Id).ToList();
            if (excluded.Count + included.Count == 0)
            {
                return null;
            }

            var parts = new[]
            {
                excluded.Count == 0 ? null : $"excludes {Users(excluded.Count)} by name",
                included.Count == 0 ? null : $"includes {Users(included.Count)} by name",
            }.Where(p => p != null);
            return DesignOutcome.Fail(
                $"The Passkey (FIDO2) policy {string.Join(" and ", parts)}. Individual targets are invisible to group reviews, and an excluded user is blocked from passkeys whatever groups include them.",
                excluded.Count > 0
                    ? "Move excluded users into the one named exclusion group, and included users into a targeted group; then remove the user targets."
                    : "Move the included users into a targeted group, then remove the user targets.",
                Facts.Of(
                    ("excludedUserIds", excluded.Count == 0 ? null : string.Join(", ", excluded)),
                    ("includedUserIds", included.Count == 0 ? null : string.Join(", ", included))),
                new Audience(excluded.Count + included.Count, $"{Users(excluded.Count + included.Count)} targeted by name"),
                excluded.Count > 0 ? DesignSeverity.Medium : (DesignSeverity?)null);
        }

        private static string Users(int count) => count == 1 ? "1 user" : $"{count} users";
    }
}
