using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// A profile admits authenticators and enforces attestation they cannot give: synced passkeys (its passkey types
    /// include synced, and synced passkeys do not support attestation), or Windows passkeys its allow list names
    /// (Windows Hello authenticators are not attested, so registration fails when attestation is enforced). The
    /// profile says yes and no to the same passkey; users see registration fail.
    /// </summary>
    public sealed class AttestationLocksOutUnattestedCheck : IDesignCheck
    {
        public string Id => "AttestationLocksOutUnattested";

        public string Title => "Attestation does not lock out passkeys the profile allows";

        public DesignSeverity Severity => DesignSeverity.High;

        public Uri Documentation => DesignDocs.SyncedPasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var problems = new List<string>();
            var targets = new List<PolicyTarget>();
            foreach (var (profile, profileTargets) in ProfilesInUse.Of(input.Tenant.Fido2).Where(p => p.Profile.AttestationEnforcement == AttestationEnforcement.RegistrationOnly))
            {
                var reasons = new List<string>();
                if ((profile.PasskeyTypes & PasskeyTypes.Synced) != 0 && !profile.IsLegacy)
                {
                    reasons.Add("its passkey types include synced passkeys, which cannot be attested");
                }

                var restrictions = profile.KeyRestrictions;
                if (restrictions.IsEnforced && restrictions.Mode == KeyRestrictionMode.Allow)
                {
                    var windows = restrictions.Aaguids.Where(WellKnownAaguids.IsWindowsHello).ToList();
                    if (windows.Count > 0)
                    {
                        reasons.Add($"its allow list names Windows passkeys ({string.Join(", ", windows)}), which are not attested");
                    }
                }

                if (reasons.Count > 0)
                {
                    problems.Add($"{profile.Describe()}: {string.Join(", and ", reasons)}");
                    targets.AddRange(profileTargets);
                }
            }

            if (problems.Count == 0)
            {
                return null;
            }

            return DesignOutcome.Fail(
                $"Attestation locks out passkeys the profile otherwise allows: {string.Join("; ", problems)}. Their registration fails.",
                "Keep attestation only in profiles for device-bound, attestable authenticators; put users who may use synced or Windows passkeys in a profile with attestation off.",
                Facts.Of(("profiles", string.Join("; ", problems))),
                input.Sizes.Of(targets.Distinct(), input.Tenant));
        }
    }
}
