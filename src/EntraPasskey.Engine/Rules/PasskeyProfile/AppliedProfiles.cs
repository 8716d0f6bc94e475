using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using EntraPasskey.Engine.Evidence;
using Profile = EntraPasskey.Engine.Evidence.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// The passkey profiles that govern one user's registration: the union of the profiles named by every include
    /// target of the Passkey (FIDO2) method that contains the user. Registration passes if any one of them is fully
    /// satisfied (graph-facts §1.5: "at least one profile", no order).
    /// </summary>
    public sealed class AppliedProfiles
    {
        /// <summary>One legacy profile per policy object, so per-profile work is shared by every user of a run.</summary>
        private static readonly ConditionalWeakTable<Fido2Policy, Profile> LegacyProfiles = new ConditionalWeakTable<Fido2Policy, Profile>();

        private AppliedProfiles(IReadOnlyList<Profile> profiles, IReadOnlyList<string> missingProfileIds, IReadOnlyList<string> sources)
        {
            Profiles = profiles;
            MissingProfileIds = missingProfileIds;
            Sources = sources;
        }

        public IReadOnlyList<Profile> Profiles { get; }

        /// <summary>Ids a target names that the policy does not define (Entra forbids deleting a referenced profile, so this is stale data).</summary>
        public IReadOnlyList<string> MissingProfileIds { get; }

        /// <summary>Which target brought which profile, for evidence ("'Privileged Passkey Users' → 'Privileged passkeys'").</summary>
        public IReadOnlyList<string> Sources { get; }

        /// <summary>The tenant has not opted into profiles: the deprecated tenant-wide fields govern.</summary>
        public bool IsLegacy => Profiles.Count == 1 && Profiles[0].IsLegacy;

        public string Names => Profiles.Count == 0 ? "none" : string.Join(", ", Profiles.Select(p => p.IsLegacy ? "tenant-wide settings (legacy)" : $"'{p.Name}'"));

        /// <summary>
        /// Null when the Passkey (FIDO2) method does not apply to the user at all (disabled, not included, excluded):
        /// layer 1 owns that, and no profile is evaluated.
        /// </summary>
        public static AppliedProfiles? For(TenantSnapshot tenant, UserEvidence user)
        {
            var fido2 = tenant.Fido2;
            if (!Targeting.IsAllowed(fido2, user))
            {
                return null;
            }

            if (!fido2.HasOptedIntoProfiles)
            {
                var legacy = LegacyProfiles.GetValue(fido2, f => Profile.Legacy(f.IsAttestationEnforced, f.LegacyKeyRestrictions));
                return new AppliedProfiles(new[] { legacy }, Array.Empty<string>(), new[] { "tenant-wide settings (not opted into passkey profiles)" });
            }

            var profiles = new List<Profile>();
            var missing = new List<string>();
            var sources = new List<string>();
            foreach (var target in fido2.IncludeTargets.Where(t => Targeting.Matches(t, user)))
            {
                // Interpretation: after opt-in a target whose allowedPasskeyProfiles is empty (how targets made before
                // opt-in look) is governed by the default profile, into which opt-in copied the old global settings.
                var ids = target.AllowedPasskeyProfiles.Count > 0
                    ? target.AllowedPasskeyProfiles
                    : fido2.DefaultPasskeyProfileId == null ? Array.Empty<string>() : new[] { fido2.DefaultPasskeyProfileId };
                foreach (var id in ids)
                {
                    var profile = fido2.PasskeyProfiles.FirstOrDefault(p => SameId(p.Id, id));
                    if (profile == null)
                    {
                        if (!missing.Contains(id, StringComparer.OrdinalIgnoreCase))
                        {
                            missing.Add(id);
                        }

                        sources.Add($"{Targeting.Describe(target, tenant)} → missing profile {id}");
                        continue;
                    }

                    if (!profiles.Contains(profile))
                    {
                        profiles.Add(profile);
                    }

                    var fallback = target.AllowedPasskeyProfiles.Count == 0 ? " (default: the target names none)" : string.Empty;
                    sources.Add($"{Targeting.Describe(target, tenant)} → '{profile.Name}'{fallback}");
                }
            }

            return new AppliedProfiles(profiles, missing, sources);
        }

        private static bool SameId(string a, string b) =>
            Guid.TryParse(a, out var left) && Guid.TryParse(b, out var right) ? left == right : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
