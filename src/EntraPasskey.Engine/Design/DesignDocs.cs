using System;

namespace EntraPasskey.Engine.Design
{
    /// <summary>Microsoft's pages the design checks link to (learn.microsoft.com, from MicrosoftDocs/entra-docs and microsoft-graph-docs-contrib).</summary>
    internal static class DesignDocs
    {
        public static readonly Uri EnablePasskeys = Learn("entra/identity/authentication/how-to-authentication-passkeys-fido2");
        public static readonly Uri DeployPasswordless = Learn("entra/identity/authentication/how-to-deploy-phishing-resistant-passwordless-authentication");
        public static readonly Uri PasskeyTarget = Learn("graph/api/resources/passkeyauthenticationmethodtarget");
        public static readonly Uri Fido2Configuration = Learn("graph/api/resources/fido2authenticationmethodconfiguration");
        public static readonly Uri AttestationVendors = Learn("entra/identity/authentication/concept-fido2-hardware-vendor");
        public static readonly Uri SyncedPasskeys = Learn("entra/identity/authentication/how-to-authentication-synced-passkeys");
        public static readonly Uri WindowsPasskeys = Learn("entra/identity/authentication/how-to-authentication-entra-passkeys-on-windows");
        public static readonly Uri TemporaryAccessPass = Learn("entra/identity/authentication/howto-authentication-temporary-access-pass");
        public static readonly Uri SecurityDefaults = Learn("entra/fundamentals/security-defaults");
        public static readonly Uri RegistrationPolicy = Learn("entra/identity/conditional-access/policy-all-users-security-info-registration");
        public static readonly Uri AuthenticatorPasskeys = Learn("entra/identity/authentication/how-to-enable-authenticator-passkey");
        public static readonly Uri RegistrationCampaign = Learn("entra/identity/authentication/how-to-mfa-registration-campaign");
        public static readonly Uri SmsVoiceRetirement = Learn("entra/identity/authentication/concept-sms-voice-retirement");
        public static readonly Uri MethodsMigration = Learn("entra/identity/authentication/how-to-authentication-methods-manage");

        private static Uri Learn(string path) => new Uri("https://learn.microsoft.com/" + path);
    }
}
