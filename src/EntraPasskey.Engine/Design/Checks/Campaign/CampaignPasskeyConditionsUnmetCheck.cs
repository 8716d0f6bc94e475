using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Campaign
{
    /// <summary>
    /// The registration campaign targets passkeys (Enabled with fido2, or Microsoft managed, which picks passkeys)
    /// but the tenant misses a condition Microsoft documents for it: the Passkey (FIDO2) method enabled, "Allow
    /// self-service setup" on, and under Microsoft managed at least one eligible passkey profile. An AAGUID-restricted
    /// profile is eligible only if its allow list names iCloud Keychain, Google Password Manager, Microsoft
    /// Authenticator or Entra passkeys on Windows (device-bound profiles with attestation are eligible whatever their
    /// list; block lists are ignored). Users in scope are then never nudged, or nudged into a registration that fails.
    /// </summary>
    public sealed class CampaignPasskeyConditionsUnmetCheck : IDesignCheck
    {
        private static readonly Guid[] EligibleProviders =
        {
            new Guid("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"), // iCloud Keychain (Apple Passwords)
            new Guid("dd4ec289-e01d-41c9-bb89-70fa845d4bf2"), // iCloud Keychain (Managed)
            new Guid("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4"), // Google Password Manager
            WellKnownAaguids.AuthenticatorIos,
            WellKnownAaguids.AuthenticatorAndroid,
            new Guid("08987058-cadc-4b81-b6e1-30de50dcbe96"), // Windows Hello (TPM)
            new Guid("9ddd1817-af5a-4672-a2b9-3e3dd95000a9"), // Windows Hello (VBS)
            new Guid("6028b017-b1d4-4c02-b4b3-afcdafc96bb2"), // Windows Hello (software)
        };

        public string Id => "CampaignPasskeyConditionsUnmet";

        public string Title => "The tenant meets the conditions of a passkey campaign";

        public DesignSeverity Severity => DesignSeverity.High;

        public Uri Documentation => DesignDocs.RegistrationCampaign;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var campaign = input.Campaign;
            var managed = campaign?.State == CampaignState.MicrosoftManaged;
            var targetsPasskeys = campaign != null && (managed
                || campaign.State == CampaignState.Enabled && campaign.IncludeTargets.Any(t => string.Equals(t.TargetedMethod, RegistrationCampaign.Fido2Method, StringComparison.OrdinalIgnoreCase)));
            if (!targetsPasskeys)
            {
                return null;
            }

            var fido2 = input.Tenant.Fido2;
            var unmet = new List<string>();
            if (!fido2.Enabled)
            {
                unmet.Add("the Passkey (FIDO2) method is disabled");
            }
            else if (!fido2.IsSelfServiceRegistrationAllowed)
            {
                unmet.Add("'Allow self-service setup' is off");
            }
            else if (managed)
            {
                var profiles = ProfilesInUse.Of(fido2);
                if (profiles.Count > 0 && !profiles.Any(p => Eligible(p.Profile)))
                {
                    unmet.Add($"no passkey profile is eligible for a Microsoft managed passkey campaign ({string.Join(", ", profiles.Select(p => p.Profile.Describe()))} restrict AAGUIDs to models other than iCloud Keychain, Google Password Manager, Microsoft Authenticator and Windows passkeys)");
                }
            }

            if (unmet.Count == 0)
            {
                return null;
            }

            var why = string.Join("; and ", unmet);
            return DesignOutcome.Fail(
                $"The registration campaign targets passkeys ({(managed ? "Microsoft managed" : "Enabled, Passkey (FIDO2)")}) but {why}, so the users it includes are not nudged, or are nudged into a registration that fails.",
                "Enable Passkey (FIDO2) with 'Allow self-service setup' on, and give the campaign's users a passkey profile without AAGUID restrictions (or one whose allow list includes a platform provider); or run the campaign in Enabled state.",
                Facts.Of(("campaignState", campaign!.State.ToString()), ("unmet", why)),
                input.Sizes.Of(campaign.IncludeTargets.Select(t => t.Target), input.Tenant));
        }

        private static bool Eligible(PasskeyProfile profile)
        {
            var restrictions = profile.KeyRestrictions;
            if (!restrictions.IsEnforced || restrictions.Mode != KeyRestrictionMode.Allow)
            {
                return true;
            }

            var deviceBoundAttested = profile.PasskeyTypes == PasskeyTypes.DeviceBound && profile.AttestationEnforcement == AttestationEnforcement.RegistrationOnly;
            return deviceBoundAttested || restrictions.Aaguids.Any(a => EligibleProviders.Contains(a));
        }
    }
}
