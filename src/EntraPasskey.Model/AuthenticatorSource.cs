namespace EntraPasskey
{
    /// <summary>Where an authenticator's facts came from.</summary>
    public enum AuthenticatorSource
    {
        /// <summary>The catalog shipped in the module.</summary>
        BuiltIn,
        /// <summary>A FIDO Alliance Metadata Service (MDS3) blob whose signature chain was verified.</summary>
        MDS3,
    }
}
