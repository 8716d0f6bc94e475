namespace EntraPasskey
{
    /// <summary>Whether a passkey stays on one device or syncs through a provider's cloud (graph-facts §1.5).</summary>
    public enum PasskeyType
    {
        DeviceBound,
        Synced,
    }
}
