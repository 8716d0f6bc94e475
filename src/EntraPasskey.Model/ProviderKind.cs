namespace EntraPasskey
{
    /// <summary>What kind of thing holds the passkey.</summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum ProviderKind : long
    {
        /// <summary>A roaming security key or card (USB, NFC, BLE).</summary>
        HardwareKey,
        /// <summary>Built into the operating system or browser (Windows Hello, iCloud Keychain, Google Password Manager).</summary>
        Platform,
        /// <summary>An authenticator app that holds device-bound passkeys (Microsoft Authenticator).</summary>
        AuthenticatorApp,
        /// <summary>A third-party password manager that syncs passkeys (1Password, Bitwarden, ...).</summary>
        PasswordManager,
    }
}
