using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>Tenant-wide facts, read once per run and shared by every user's diagnosis.</summary>
    public sealed class TenantSnapshot
    {
        public TenantSnapshot(
            PolicyMigrationState migrationState,
            Fido2Policy fido2,
            IEnumerable<MethodPolicy> methodPolicies,
            IEnumerable<GroupInfo> groups)
        {
            MigrationState = migrationState;
            Fido2 = fido2;
            MethodPolicies = methodPolicies.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
            Groups = groups.ToDictionary(g => g.Id, StringComparer.OrdinalIgnoreCase);
        }

        public PolicyMigrationState MigrationState { get; }

        public Fido2Policy Fido2 { get; }

        /// <summary>The Temporary Access Pass configuration, or null when the policy has none (then no pass is usable).</summary>
        public TapPolicy? Tap => MethodPolicy(MethodPolicyIds.TemporaryAccessPass) as TapPolicy;

        /// <summary>Every method configuration by id (case-insensitive), including Fido2.</summary>
        public IReadOnlyDictionary<string, MethodPolicy> MethodPolicies { get; }

        /// <summary>Groups referenced by any method configuration's targets or by a registration or All-resources Conditional Access policy.</summary>
        public IReadOnlyDictionary<string, GroupInfo> Groups { get; }

        /// <summary>Security defaults; unknown until the gathering code reads them.</summary>
        public SecurityDefaults SecurityDefaults { get; init; } = SecurityDefaults.Unknown(new EvidenceGap("Security defaults were not read.", null));

        /// <summary>Conditional Access policies on "Register security information" and on All resources; unknown until read.</summary>
        public ConditionalAccessEvidence ConditionalAccess { get; init; } = ConditionalAccessEvidence.NotRead;

        public MethodPolicy? MethodPolicy(string id) => MethodPolicies.TryGetValue(id, out var policy) ? policy : null;

        public GroupInfo Group(string id) => Groups.TryGetValue(id, out var group) ? group : new GroupInfo(id, null, Exists: true);
    }
}
