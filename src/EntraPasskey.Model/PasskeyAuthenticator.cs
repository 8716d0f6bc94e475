using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey
{
    /// <summary>One authenticator model as identified by its AAGUID: what it is and what it can prove.</summary>
    public sealed class PasskeyAuthenticator
    {
        public PasskeyAuthenticator(
            Guid aaguid,
            string name,
            string? vendor,
            PasskeyType passkeyType,
            ProviderKind providerKind,
            AttestationSupport attestation,
            string? certification,
            bool? residentKey,
            bool? userVerification,
            IEnumerable<string>? transports,
            string? minimumPlatform,
            AuthenticatorSource source)
        {
            Aaguid = aaguid;
            Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("An authenticator needs a name.", nameof(name)) : name;
            Vendor = vendor;
            PasskeyType = passkeyType;
            ProviderKind = providerKind;
            Attestation = attestation;
            Certification = certification;
            ResidentKey = residentKey;
            UserVerification = userVerification;
            Transports = (transports ?? Enumerable.Empty<string>()).ToArray();
            MinimumPlatform = minimumPlatform;
            Source = source;
        }

        public Guid Aaguid { get; }

        public string Name { get; }

        public string? Vendor { get; }

        public PasskeyType PasskeyType { get; }

        public ProviderKind ProviderKind { get; }

        /// <summary>When and whether the authenticator returns an attestation Entra accepts.</summary>
        public AttestationSupport Attestation { get; }

        /// <summary>True when it can return an attestation Entra accepts in at least one registration flow.</summary>
        public bool AttestationCapable => Attestation != AttestationSupport.NotAccepted;

        /// <summary>FIDO certification status (e.g. FIDO_CERTIFIED_L1), or null when none is known.</summary>
        public string? Certification { get; }

        /// <summary>Supports discoverable credentials (resident keys); null when unknown.</summary>
        public bool? ResidentKey { get; }

        /// <summary>Can verify the user (PIN or biometrics); null when unknown.</summary>
        public bool? UserVerification { get; }

        /// <summary>usb, nfc, ble, internal, hybrid.</summary>
        public string[] Transports { get; }

        /// <summary>The oldest platform that can create its passkeys, when that matters (e.g. iOS 17).</summary>
        public string? MinimumPlatform { get; }

        public AuthenticatorSource Source { get; }

        public override string ToString() => $"{Name} ({Aaguid})";
    }
}
