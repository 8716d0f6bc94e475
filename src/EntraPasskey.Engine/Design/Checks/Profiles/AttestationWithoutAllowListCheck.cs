using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// A profile enforces attestation without an AAGUID allow list. Attestation proves the authenticator's make and
    /// model; without a list of the models the organisation chose, enforcing it only rejects what cannot be attested
    /// (synced passkeys, Windows passkeys, cross-device Authenticator registration, uncertified keys) without choosing
    /// anything: attestation has not been decided deliberately.
    /// </summary>
    public sealed class AttestationWithoutAllowListCheck : IDesignCheck
    {
        public string Id => "AttestationWithoutAllowList";

        public string Title => "Attestation is enforced together with an AAGUID allow list";

        public DesignSeverity Severity => DesignSeverity.Medium;

        public Uri Documentation => DesignDocs.AttestationVendors;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var offending = ProfilesInUse.Of(input.Tenant.Fido2)
                .Where(p => p.Profile.AttestationEnforcement == AttestationEnforcement.RegistrationOnly
                    && !(p.Profile.KeyRestrictions.IsEnforced && p.Profile.KeyRestrictions.Mode == KeyRestrictionMode.Allow))
                .ToList();
            if (offending.Count == 0)
            {
                return null;
            }

            var names = string.Join(", ", offending.Select(p => $"{p.Profile.Describe()} ({p.Profile.KeyRestrictions.Describe()})"));
            return DesignOutcome.Fail(
                $"Attestation is enforced without an AAGUID allow list in {names}: it rejects every passkey that cannot be attested (synced passkeys, Windows passkeys, cross-device registration in Authenticator) without naming the models you chose.",
                "Decide attestation deliberately: either list the attested models you hand out (all AAGUIDs of each, see Get-PasskeyAuthenticator -Name) in an allow list, or turn attestation off in profiles for users who may use synced or Windows passkeys.",
                Facts.Of(("profiles", names)),
                input.Sizes.Of(offending.SelectMany(p => p.Targets).Distinct(), input.Tenant));
        }
    }
}
