namespace EntraPasskey
{
    /// <summary>Whether a passkey stays on one device or syncs through a provider's cloud (graph-facts §1.5).</summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum PasskeyType : long
    {
        DeviceBound,
        Synced,
    }
}
