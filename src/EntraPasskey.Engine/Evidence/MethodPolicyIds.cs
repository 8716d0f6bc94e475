namespace EntraPasskey.Engine.Evidence
{
    /// <summary>Configuration ids as Graph returns them in authenticationMethodConfigurations (graph-facts §1.3).</summary>
    public static class MethodPolicyIds
    {
        public const string Fido2 = "Fido2";
        public const string MicrosoftAuthenticator = "MicrosoftAuthenticator";
        public const string Sms = "Sms";
        public const string Voice = "Voice";
        public const string SoftwareOath = "SoftwareOath";
        public const string HardwareOath = "HardwareOath";
        public const string TemporaryAccessPass = "TemporaryAccessPass";
        public const string Email = "Email";
        public const string X509Certificate = "X509Certificate";
    }
}
