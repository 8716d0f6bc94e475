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

        /// <summary>Groups referenced by any method configuration's targets.</summary>
        public IReadOnlyDictionary<string, GroupInfo> Groups { get; }

        public MethodPolicy? MethodPolicy(string id) => MethodPolicies.TryGetValue(id, out var policy) ? policy : null;

        public GroupInfo Group(string id) => Groups.TryGetValue(id, out var group) ? group : new GroupInfo(id, null, Exists: true);
    }
}
