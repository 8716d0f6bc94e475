namespace EntraPasskey.Engine.Evidence
{
    /// <summary>What a help desk calls each method.</summary>
    public static class MethodNames
    {
        public static string Of(RegisteredMethod method)
        {
            switch (method.Kind)
            {
                case MethodKind.Password: return "password";
                case MethodKind.Email: return "email";
                case MethodKind.Phone: return method.PhoneType == null ? "phone" : $"phone ({method.PhoneType})";
                case MethodKind.MicrosoftAuthenticator: return "Microsoft Authenticator";
                case MethodKind.Fido2: return "passkey (FIDO2)";
                case MethodKind.SoftwareOath: return "software OATH token";
                case MethodKind.HardwareOath: return "hardware OATH token";
                case MethodKind.TemporaryAccessPass: return "Temporary Access Pass";
                case MethodKind.WindowsHelloForBusiness: return "Windows Hello for Business";
                case MethodKind.PlatformCredential: return "platform credential";
                case MethodKind.QrCodePin: return "QR code";
                case MethodKind.External: return "external authentication method";
                default: return "other method";
            }
        }
    }
}
