namespace EntraPasskey.Engine.Rules
{
    /// <summary>What a passing layer says.</summary>
    internal static class PassMessages
    {
        public static string For(PasskeyLayer layer)
        {
            switch (layer)
            {
                case PasskeyLayer.AuthenticationMethodsPolicy: return "Passkey (FIDO2) is enabled for this user and self-service set-up is allowed.";
                case PasskeyLayer.PasskeyProfile: return "The user's passkey profiles accept the authenticator.";
                case PasskeyLayer.MfaBootstrap: return "The user has a method that can satisfy the MFA Security info asks for.";
                case PasskeyLayer.RecentMfaSession: return "The user completed MFA recently enough.";
                case PasskeyLayer.PlatformBrowser: return "The platform and browser support this registration path.";
                case PasskeyLayer.Hardware: return "The authenticator model meets the policy's requirements.";
                default: return "The platform offers an acceptable passkey provider.";
            }
        }
    }
}
