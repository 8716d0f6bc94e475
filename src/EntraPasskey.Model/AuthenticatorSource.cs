namespace EntraPasskey
{
    /// <summary>Where an authenticator's facts came from.</summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum AuthenticatorSource : long
    {
        /// <summary>The catalog shipped in the module.</summary>
        BuiltIn,
        /// <summary>A FIDO Alliance Metadata Service (MDS3) blob whose signature chain was verified.</summary>
        MDS3,
    }
}
