namespace EntraPasskey
{
    /// <summary>How a connection obtains its tokens.</summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum ConnectionMode : long
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
