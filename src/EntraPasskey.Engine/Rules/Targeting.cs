using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>Whether a user falls inside a method configuration's targets (nested groups count).</summary>
    public static class Targeting
    {
        public static PolicyTarget? FirstMatch(IEnumerable<PolicyTarget> targets, UserEvidence user) =>
            targets.FirstOrDefault(target => Matches(target, user));

        public static bool Matches(PolicyTarget target, UserEvidence user)
        {
            switch (target.Kind)
            {
                case PolicyTargetKind.AllUsers: return true;
                case PolicyTargetKind.User: return string.Equals(target.Id, user.Id, System.StringComparison.OrdinalIgnoreCase);
                default: return user.IsMemberOf(target.Id);
            }
        }

        /// <summary>Enabled, included and not excluded: exclusion beats inclusion.</summary>
        public static bool IsAllowed(MethodPolicy policy, UserEvidence user) =>
            policy.Enabled && FirstMatch(policy.IncludeTargets, user) != null && FirstMatch(policy.ExcludeTargets, user) == null;

        /// <summary>
        /// Whether the methods policy lets the user use a method governed by any of <paramref name="policyIds"/>: true
        /// when one of those configurations allows them, or when the tenant has none of them (nothing restricts it).
        /// </summary>
        public static bool IsAllowedByAny(IEnumerable<string> policyIds, TenantSnapshot tenant, UserEvidence user)
        {
            var policies = policyIds.Select(tenant.MethodPolicy).Where(p => p != null).Select(p => p!).ToList();
            return policies.Count == 0 || policies.Any(p => IsAllowed(p, user));
        }

        /// <summary>How to name a target in a message: the group's name, "all users", or "the user directly".</summary>
        public static string Describe(PolicyTarget target, TenantSnapshot tenant)
        {
            switch (target.Kind)
            {
                case PolicyTargetKind.AllUsers: return "all users";
                case PolicyTargetKind.User: return "the user directly";
                default: return "group " + tenant.Group(target.Id).Describe();
            }
        }
    }
}
