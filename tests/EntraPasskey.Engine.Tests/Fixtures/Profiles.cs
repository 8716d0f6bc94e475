using System;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>Passkey profiles for rule tests.</summary>
    internal static class Profiles
    {
        public const string DefaultId = "0f0f0f0f-0000-0000-0000-000000000001";
        public const string PrivilegedId = "0f0f0f0f-0000-0000-0000-000000000002";
        public const string OtherId = "0f0f0f0f-0000-0000-0000-000000000003";

        public static PasskeyProfile Open(string id = DefaultId, string name = "Default passkey profile") =>
            new PasskeyProfile(id, name, PasskeyTypes.DeviceBound | PasskeyTypes.Synced, AttestationEnforcement.Disabled, KeyRestrictions.None);

        public static PasskeyProfile Make(
            string id,
            string name,
            PasskeyTypes types = PasskeyTypes.DeviceBound | PasskeyTypes.Synced,
            AttestationEnforcement attestation = AttestationEnforcement.Disabled,
            KeyRestrictions? restrictions = null) =>
            new PasskeyProfile(id, name, types, attestation, restrictions ?? KeyRestrictions.None);

        /// <summary>Device-bound only, attestation required, YubiKey 5 NFC and Microsoft Authenticator allowed.</summary>
        public static PasskeyProfile Privileged() =>
            Make(PrivilegedId, "Privileged passkeys", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly,
                KeyRestrictions.Allow(Aaguids.YubiKey5Nfc, Aaguids.AuthenticatorIos, Aaguids.AuthenticatorAndroid));

        /// <summary>Device-bound keys with attestation enforced at registration; no key restrictions.</summary>
        public static readonly PasskeyProfile Attested =
            Make(DefaultId, "Attested keys", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

        /// <summary>Passkey Users gets the given profiles (by id); nobody else is targeted.</summary>
        public static TenantBuilder Tenant(params PasskeyProfile[] profiles) =>
            new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Array.ConvertAll(profiles, p => p.Id)) }, new[] { PolicyTarget.Group(TenantBuilder.PasskeyExclusions) })
                .Profiles(profiles);
    }
}
