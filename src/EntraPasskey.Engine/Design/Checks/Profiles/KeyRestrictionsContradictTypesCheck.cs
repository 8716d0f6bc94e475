using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// A profile's AAGUID allow list and its passkey types disagree: it lists synced providers (by the catalog) while
    /// admitting device-bound passkeys only, so those providers can never register; or it admits synced passkeys yet its
    /// allow list names no synced provider, so the synced type it enables is locked out.
    /// </summary>
    public sealed class KeyRestrictionsContradictTypesCheck : IDesignCheck
    {
        public string Id => "KeyRestrictionsContradictTypes";

        public string Title => "Key restrictions agree with the profile's passkey types";

        public DesignSeverity Severity => DesignSeverity.Medium;

        public Uri Documentation => DesignDocs.EnablePasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var problems = new List<string>();
            var targets = new List<PolicyTarget>();
            foreach (var (profile, profileTargets) in ProfilesInUse.Of(input.Tenant.Fido2))
            {
                var restrictions = profile.KeyRestrictions;
                if (profile.IsLegacy || !restrictions.IsEnforced || restrictions.Mode != KeyRestrictionMode.Allow || (profile.PasskeyTypes & PasskeyTypes.Unrecognised) != 0)
                {
                    continue;
                }

                var synced = restrictions.Aaguids
                    .Select(a => input.Authenticators.Find(a))
                    .Where(entry => entry != null && entry.PasskeyType == PasskeyType.Synced)
                    .Select(entry => entry!.Name)
                    .ToList();
                var admitsSynced = (profile.PasskeyTypes & PasskeyTypes.Synced) != 0;
                if (!admitsSynced && synced.Count > 0)
                {
                    problems.Add($"{profile.Describe()} allows device-bound passkeys only, yet its allow list names synced providers ({string.Join(", ", synced)})");
                    targets.AddRange(profileTargets);
                }
                else if (admitsSynced && synced.Count == 0)
                {
                    problems.Add($"{profile.Describe()} allows synced passkeys, yet its allow list names no synced provider the catalog knows, so synced passkeys cannot register");
                    targets.AddRange(profileTargets);
                }
            }

            if (problems.Count == 0)
            {
                return null;
            }

            return DesignOutcome.Fail(
                $"Key restrictions contradict the passkey types: {string.Join("; ", problems)}. Users of those providers see registration fail.",
                "Make the allow list and the passkey types say the same thing: add the synced passkey type for synced providers you list, or list the providers of the type you allow.",
                Facts.Of(("profiles", string.Join("; ", problems))),
                input.Sizes.Of(targets.Distinct(), input.Tenant));
        }
    }
}
