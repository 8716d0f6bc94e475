namespace EntraPasskey.Engine.Evidence
{
    /// <summary>Kinds of registered authentication methods, from their Graph @odata.type.</summary>
    public enum MethodKind
    {
        Password,
        Email,
        Phone,
        MicrosoftAuthenticator,
        Fido2,
        SoftwareOath,
        HardwareOath,
        TemporaryAccessPass,
        WindowsHelloForBusiness,
        PlatformCredential,
        QrCodePin,
        External,
        Other,
    }
}
