namespace EntraPasskey
{
    /// <summary>How a connection obtains its tokens.</summary>
    public enum ConnectionMode
    {
        InteractiveBrowser,
        DeviceCode,
        ClientSecret,
        CertificateThumbprint,
        Certificate,
        ManagedIdentity,
        AccessToken,
        /// <summary>Reusing the token of a Microsoft Graph PowerShell SDK connection (Connect-MgGraph).</summary>
        GraphPowerShell,
    }
}
