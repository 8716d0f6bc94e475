namespace EntraPasskey
{
    /// <summary>Whether the authenticator returns an attestation Microsoft Entra ID accepts when attestation is enforced.</summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum AttestationSupport : long
    {
        /// <summary>A packed attestation chaining to a FIDO MDS root, from a FIDO-certified model.</summary>
        Accepted,
        /// <summary>Only when the passkey is created on the device itself (Microsoft Authenticator: not cross-device).</summary>
        SameDeviceOnly,
        /// <summary>Never: synced passkeys, Windows Hello passkeys, models Entra does not list for attestation.</summary>
        NotAccepted,
    }
}
