using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>The Passkey (FIDO2) configuration: targets plus the registration settings that gate Security info.</summary>
    public sealed record Fido2Policy(
        bool Enabled,
        IReadOnlyList<PolicyTarget> IncludeTargets,
        IReadOnlyList<PolicyTarget> ExcludeTargets,
        bool IsSelfServiceRegistrationAllowed)
        : MethodPolicy(MethodPolicyIds.Fido2, Enabled, IncludeTargets, ExcludeTargets)
    {
        /// <summary>The tenant's passkey profiles; empty until the tenant opts in.</summary>
        public IReadOnlyList<PasskeyProfile> PasskeyProfiles { get; init; } = Array.Empty<PasskeyProfile>();

        /// <summary>Id of the baseline profile created at opt-in; null before opt-in.</summary>
        public string? DefaultPasskeyProfileId { get; init; }

        /// <summary>Deprecated tenant-wide setting; governs registration only while the tenant has not opted in.</summary>
        public bool IsAttestationEnforced { get; init; }

        /// <summary>Deprecated tenant-wide AAGUID list; governs only while the tenant has not opted in.</summary>
        public KeyRestrictions LegacyKeyRestrictions { get; init; } = KeyRestrictions.None;

        /// <summary>
        /// Opt-in is one-way and creates the default profile, so either a profile or a default id means the profiles
        /// (not the deprecated fields) are what Entra evaluates (graph-facts §1.4-1.5, §12.3).
        /// </summary>
        public bool HasOptedIntoProfiles => PasskeyProfiles.Count > 0 || DefaultPasskeyProfileId != null;
    }
}
