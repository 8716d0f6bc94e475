using System;
using Azure.Identity;

namespace EntraPasskey.Engine.Connection
{
    /// <summary>
    /// Turns what Azure.Identity throws while connecting into errors with stable ids and a next step for the way the
    /// caller signs in. Azure.Identity's messages name the tenant, client and AADSTS code, never the secret or the
    /// certificate's key; a message from anything else is left in the inner exception, unread.
    /// </summary>
    internal static class SignInErrors
    {
        /// <summary>A credential's constructor refused a setting (a tenant id with spaces, an http authority).</summary>
        public static EntraPasskeyException InvalidSetting(ArgumentException refused) =>
            new EntraPasskeyException(
                "ConnectionParameterInvalid", ErrorKind.InvalidArgument,
                "The sign-in settings are not valid: " + MessageText.FirstLine(refused.Message),
                "Check -TenantId (a GUID or a domain such as contoso.onmicrosoft.com), -ClientId (a GUID) and -AuthorityHost (an https URL).",
                refused.ParamName, refused);

        /// <summary>Getting the first token failed.</summary>
        public static EntraPasskeyException SignInFailed(Exception failure, ConnectionMode mode)
        {
            var why = failure is AuthenticationFailedException
                ? MessageText.FirstLine(failure.Message)
                : $"the credential failed with {failure.GetType().Name}";
            return new EntraPasskeyException(
                "AuthenticationFailed", ErrorKind.AuthenticationFailed,
                "Signing in to Microsoft Entra ID failed: " + why,
                NextStep(mode), null, failure);
        }

        private static string NextStep(ConnectionMode mode)
        {
            switch (mode)
            {
                case ConnectionMode.ClientSecret:
                    return "Check -TenantId, -ClientId and the secret (the secret's value, not its id, and not expired), then run Connect-EntraPasskey again.";
                case ConnectionMode.CertificateThumbprint:
                case ConnectionMode.Certificate:
                    return "Check -TenantId and -ClientId, and that the certificate (with its private key) is one the app registration holds and has not expired, then run Connect-EntraPasskey again.";
                case ConnectionMode.ManagedIdentity:
                    return "Run where a managed identity is assigned (an Azure VM, App Service, Functions or Automation), pass -ClientId for a user-assigned identity, or connect another way.";
                case ConnectionMode.InteractiveBrowser:
                    return "Check -TenantId and finish the sign-in in the browser; without a browser on this machine, use -UseDeviceCode.";
                case ConnectionMode.DeviceCode:
                    return "Check -TenantId and enter the code at the address shown before it expires, then run Connect-EntraPasskey again.";
                default:
                    return "Check the tenant, client id and credential, then run Connect-EntraPasskey again.";
            }
        }
    }
}
