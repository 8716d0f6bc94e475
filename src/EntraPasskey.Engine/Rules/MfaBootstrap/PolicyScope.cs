using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Whether a Conditional Access policy applies to the user: included through All, the user, guests or a group
    /// (transitively), and not excluded by user, guests or group (exclusion wins). Directory roles are not read:
    /// a policy the user is in only through includeRoles is Unknown. Excluded roles are named but do not change the
    /// answer, because not knowing them can only make the diagnosis stricter, never a false Ready.
    /// </summary>
    public sealed record PolicyScope(ScopeVerdict Verdict, string How)
    {
        public static PolicyScope Of(AccessPolicyUsers users, UserEvidence user, TenantSnapshot tenant)
        {
            var isGuest = user.IsGuest;
            if (users.ExcludeUsers.Any(u => SameId(u, user.Id)))
            {
                return new PolicyScope(ScopeVerdict.Out, "excluded directly");
            }

            if (isGuest && (users.ExcludesGuestsOrExternalUsers || users.ExcludeUsers.Any(u => SameId(u, AccessPolicyUsers.GuestsOrExternalUsers))))
            {
                return new PolicyScope(ScopeVerdict.Out, "guests and external users are excluded");
            }

            var excludedBy = users.ExcludeGroups.FirstOrDefault(user.IsMemberOf);
            if (excludedBy != null)
            {
                return new PolicyScope(ScopeVerdict.Out, "excluded through group " + tenant.Group(excludedBy).Describe());
            }

            var how = IncludedBy(users, user, tenant, isGuest);
            if (how != null)
            {
                return new PolicyScope(
                    ScopeVerdict.In,
                    users.ExcludeRoles.Count == 0 ? how : $"{how}, unless they hold {DirectoryRoles.Describe(users.ExcludeRoles)}, which it excludes (roles are not read)");
            }

            return users.IncludeRoles.Count > 0
                ? new PolicyScope(ScopeVerdict.Unknown, $"it applies to holders of {DirectoryRoles.Describe(users.IncludeRoles)}, and role membership is not read")
                : new PolicyScope(ScopeVerdict.Out, "not included");
        }

        private static string? IncludedBy(AccessPolicyUsers users, UserEvidence user, TenantSnapshot tenant, bool isGuest)
        {
            if (users.IncludeUsers.Any(u => SameId(u, AccessPolicyUsers.All)))
            {
                return "all users";
            }

            if (users.IncludeUsers.Any(u => SameId(u, user.Id)))
            {
                return "included directly";
            }

            if (isGuest && (users.IncludesGuestsOrExternalUsers || users.IncludeUsers.Any(u => SameId(u, AccessPolicyUsers.GuestsOrExternalUsers))))
            {
                return "included as a guest or external user";
            }

            var group = users.IncludeGroups.FirstOrDefault(user.IsMemberOf);
            return group == null ? null : "through group " + tenant.Group(group).Describe();
        }

        private static bool SameId(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    public enum ScopeVerdict
    {
        In,
        Out,
        Unknown,
    }
}
