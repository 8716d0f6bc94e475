using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// The tenant uses passkey profiles, yet the deprecated tenant-wide isAttestationEnforced or keyRestrictions say
    /// something the Default passkey profile does not. Until Microsoft removes them (14 October 2027, MC1188230) Graph
    /// keeps them in sync with the Default passkey profile, so a value that mirrors it is expected and not flagged;
    /// one that differs decides nothing (the profiles do) and misleads whoever reads the policy, or shows a script
    /// that still writes the old fields. Without a readable default profile any value set is flagged.
    /// </summary>
    public sealed class DeprecatedFieldsAfterOptInCheck : IDesignCheck
    {
        public string Id => "DeprecatedFieldsAfterOptIn";

        public string Title => "The deprecated tenant-wide passkey settings mirror the Default passkey profile";

        public DesignSeverity Severity => DesignSeverity.Low;

        public Uri Documentation => DesignDocs.Fido2Configuration;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var fido2 = input.Tenant.Fido2;
            if (!fido2.HasOptedIntoProfiles)
            {
                return null;
            }

            var defaultProfile = fido2.PasskeyProfiles.FirstOrDefault(p => string.Equals(p.Id, fido2.DefaultPasskeyProfileId, StringComparison.OrdinalIgnoreCase));
            var mirroredAttestation = defaultProfile?.AttestationEnforcement == AttestationEnforcement.RegistrationOnly;
            var mirroredRestrictions = defaultProfile?.KeyRestrictions ?? KeyRestrictions.None;

            var differing = new List<string>();
            if (fido2.IsAttestationEnforced != mirroredAttestation)
            {
                differing.Add($"isAttestationEnforced is {(fido2.IsAttestationEnforced ? "true" : "false")}");
            }

            if (!SameEffect(fido2.LegacyKeyRestrictions, mirroredRestrictions))
            {
                differing.Add(fido2.LegacyKeyRestrictions.IsEnforced
                    ? $"keyRestrictions is enforced ({fido2.LegacyKeyRestrictions.Describe()})"
                    : "keyRestrictions is not enforced");
            }

            if (differing.Count == 0)
            {
                return null;
            }

            var what = string.Join(" and ", differing);
            var against = defaultProfile == null ? "while no Default passkey profile could be read" : $"while the {defaultProfile.Describe()} they mirror says otherwise";
            return DesignOutcome.Fail(
                $"The tenant uses passkey profiles, but the deprecated tenant-wide settings say {what} {against}. They no longer decide registration (the profiles do), so they mislead whoever reads the policy.",
                "Move any restriction you still want into the passkey profiles, stop scripts that write the tenant-wide isAttestationEnforced and keyRestrictions (Microsoft removes them on 14 October 2027), and save the Default passkey profile so they mirror it again.",
                Facts.Of(("deprecatedSettings", what), ("defaultPasskeyProfile", defaultProfile?.Name)));
        }

        /// <summary>Two restrictions that admit the same authenticators: both off, or the same mode over the same AAGUIDs.</summary>
        private static bool SameEffect(KeyRestrictions left, KeyRestrictions right) =>
            !left.IsEnforced && !right.IsEnforced
            || left.IsEnforced && right.IsEnforced && left.Mode == right.Mode && new HashSet<Guid>(left.Aaguids).SetEquals(right.Aaguids);
    }
}
