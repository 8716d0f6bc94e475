using System;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// One passkey profile (graph-facts §1.5): which passkey types it admits, whether registration needs an
    /// attestation Entra accepts, and its AAGUID allow or block list. <see cref="IsLegacy"/> marks the profile the
    /// engine builds from the deprecated tenant-wide isAttestationEnforced / keyRestrictions fields for a tenant that
    /// has not opted into profiles.
    /// </summary>
    public sealed record PasskeyProfile(
        string Id,
        string Name,
        PasskeyTypes PasskeyTypes,
        AttestationEnforcement AttestationEnforcement,
        KeyRestrictions KeyRestrictions)
    {
        public const string LegacyId = "legacy";

        public bool IsLegacy { get; init; }

        /// <summary>The settings a tenant has before opting into profiles, expressed as one profile.</summary>
        public static PasskeyProfile Legacy(bool isAttestationEnforced, KeyRestrictions keyRestrictions) =>
            new PasskeyProfile(
                LegacyId,
                "the tenant-wide Passkey (FIDO2) settings (not opted into passkey profiles)",
                // Before opt-in there is no passkey-type setting; with attestation off synced passkeys are already
                // allowed (graph-facts §1.5), with attestation on they fail attestation instead.
                PasskeyTypes.DeviceBound | PasskeyTypes.Synced,
                isAttestationEnforced ? AttestationEnforcement.RegistrationOnly : AttestationEnforcement.Disabled,
                keyRestrictions)
            {
                IsLegacy = true,
            };

        /// <summary>How messages name the profile.</summary>
        public string Describe() => IsLegacy ? Name : $"passkey profile '{Name}'";
    }

    /// <summary>The passkey types a profile admits. <see cref="Unrecognised"/> stands for a value this version cannot read.</summary>
    [Flags]
    public enum PasskeyTypes
    {
        None = 0,
        DeviceBound = 1,
        Synced = 2,
        Unrecognised = 4,
    }

    public enum AttestationEnforcement
    {
        Disabled,
        RegistrationOnly,
        /// <summary>Missing, or a value this version cannot read.</summary>
        Unrecognised,
    }
}
