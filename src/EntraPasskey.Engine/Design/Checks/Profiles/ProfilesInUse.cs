using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// The passkey profiles that govern somebody, each with the include targets that apply it: a target names its
    /// profiles in allowedPasskeyProfiles, and a target that names none gets the default profile (as AppliedProfiles
    /// reads it for one user). Before opt-in the deprecated tenant-wide settings act as one profile for every target.
    /// </summary>
    public static class ProfilesInUse
    {
        public static IReadOnlyList<(PasskeyProfile Profile, IReadOnlyList<PolicyTarget> Targets)> Of(Fido2Policy fido2)
        {
            if (!fido2.Enabled)
            {
                return Array.Empty<(PasskeyProfile, IReadOnlyList<PolicyTarget>)>();
            }

            if (!fido2.HasOptedIntoProfiles)
            {
                var legacy = PasskeyProfile.Legacy(fido2.IsAttestationEnforced, fido2.LegacyKeyRestrictions);
                return new[] { (legacy, fido2.IncludeTargets) };
            }

            return fido2.PasskeyProfiles
                .Select(profile => (Profile: profile, Targets: (IReadOnlyList<PolicyTarget>)fido2.IncludeTargets.Where(t => Applies(t, profile, fido2)).ToList()))
                .Where(p => p.Targets.Count > 0)
                .ToList();
        }

        private static bool Applies(PolicyTarget target, PasskeyProfile profile, Fido2Policy fido2)
        {
            var ids = target.AllowedPasskeyProfiles.Count > 0
                ? target.AllowedPasskeyProfiles
                : fido2.DefaultPasskeyProfileId == null ? Array.Empty<string>() : new[] { fido2.DefaultPasskeyProfileId };
            return ids.Any(id => SameId(id, profile.Id));
        }

        private static bool SameId(string a, string b) =>
            Guid.TryParse(a, out var left) && Guid.TryParse(b, out var right) ? left == right : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }
}
