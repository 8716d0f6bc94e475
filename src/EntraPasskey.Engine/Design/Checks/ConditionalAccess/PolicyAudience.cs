using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Design.Checks.ConditionalAccess
{
    /// <summary>
    /// The users a Conditional Access policy includes, counted like method targets: All is the tenant, groups their
    /// transitive members, users one each. Directory roles are not counted (their members are not read), and
    /// exclusions are not subtracted, so the count is an upper bound of whom the policy reaches.
    /// </summary>
    internal static class PolicyAudience
    {
        public static Audience Of(AccessPolicyUsers users, DesignInput input)
        {
            if (users.IncludeUsers.Any(u => string.Equals(u, AccessPolicyUsers.All, StringComparison.OrdinalIgnoreCase)))
            {
                return input.Sizes.Of(new[] { PolicyTarget.AllUsers() }, input.Tenant);
            }

            var targets = users.IncludeGroups.Select(g => PolicyTarget.Group(g))
                .Concat(users.IncludeUsers.Where(u => Guid.TryParse(u, out _)).Select(PolicyTarget.User))
                .ToList();
            if (users.IncludeRoles.Count > 0)
            {
                var roles = $"members of {users.IncludeRoles.Count} directory role(s), which are not counted";
                return targets.Count == 0
                    ? Audience.Uncounted(roles)
                    : Audience.Uncounted($"{input.Sizes.Of(targets, input.Tenant).Basis}, plus {roles}");
            }

            return input.Sizes.Of(targets, input.Tenant);
        }
    }
}
