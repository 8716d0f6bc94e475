using System;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;

namespace EntraPasskey.Engine.Connection
{
    /// <summary>Turns a <see cref="ConnectionRequest"/> into an Azure.Identity credential.</summary>
    internal static class CredentialFactory
    {
        /// <summary>
        /// Public client used for interactive and device-code sign-in when the caller names none: the Microsoft Graph
        /// Command Line Tools app, which every tenant can consent to for delegated Graph scopes.
        /// </summary>
        public const string DefaultPublicClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

        public static TokenCredential Create(ConnectionRequest request)
        {
            var authority = request.AuthorityHost ?? CloudEndpoints.Authority(request.Environment);
            // Instance discovery asks the public cloud's metadata endpoint about the authority; a custom authority
            // (a sovereign proxy or the simulator's token endpoint) cannot answer it.
            var disableDiscovery = request.AuthorityHost != null;

            switch (request.Mode)
            {
                case ConnectionMode.InteractiveBrowser:
                    return InteractiveBrowser(request, authority, disableDiscovery);
                case ConnectionMode.DeviceCode:
                    return DeviceCode(request, authority, disableDiscovery);
                case ConnectionMode.ClientSecret:
                    return new ClientSecretCredential(
                        Require(request.TenantId, "TenantId"),
                        Require(request.ClientId, "ClientId"),
                        SecureStrings.Reveal(request.ClientSecret ?? throw Missing("ClientSecret")),
                        new ClientSecretCredentialOptions { AuthorityHost = authority, DisableInstanceDiscovery = disableDiscovery });
                case ConnectionMode.CertificateThumbprint:
                    return CertificateCredential(request, FindCertificate(Require(request.CertificateThumbprint, "CertificateThumbprint")), authority, disableDiscovery);
                case ConnectionMode.Certificate:
                    return CertificateCredential(request, request.Certificate ?? throw Missing("Certificate"), authority, disableDiscovery);
                case ConnectionMode.ManagedIdentity:
                    return new ManagedIdentityCredential(request.ClientId == null
                        ? ManagedIdentityId.SystemAssigned
                        : ManagedIdentityId.FromUserAssignedClientId(request.ClientId));
                case ConnectionMode.AccessToken:
                case ConnectionMode.GraphPowerShell:
                    var token = SecureStrings.Reveal(request.AccessToken ?? throw Missing("AccessToken"));
                    return new StaticTokenCredential(token, TokenClaims.Parse(token).ExpiresOn);
                default:
                    throw new ArgumentOutOfRangeException(nameof(request), request.Mode, "Unknown connection mode.");
            }
        }

        private static TokenCredential InteractiveBrowser(ConnectionRequest request, Uri authority, bool disableDiscovery) =>
            new InteractiveBrowserCredential(new InteractiveBrowserCredentialOptions
            {
                TenantId = request.TenantId,
                ClientId = request.ClientId ?? DefaultPublicClientId,
                AuthorityHost = authority,
                DisableInstanceDiscovery = disableDiscovery,
                RedirectUri = new Uri("http://localhost"),
            });

        /// <summary>Device-code sign-in; the code and URL go to the request's prompt (the cmdlet shows them).</summary>
        private static TokenCredential DeviceCode(ConnectionRequest request, Uri authority, bool disableDiscovery)
        {
            var prompt = request.DeviceCodePrompt;
            return new DeviceCodeCredential(new DeviceCodeCredentialOptions
            {
                TenantId = request.TenantId,
                ClientId = request.ClientId ?? DefaultPublicClientId,
                AuthorityHost = authority,
                DisableInstanceDiscovery = disableDiscovery,
                DeviceCodeCallback = (info, _) =>
                {
                    prompt?.Invoke(info.Message);
                    return Task.CompletedTask;
                },
            });
        }

        private static TokenCredential CertificateCredential(ConnectionRequest request, X509Certificate2 certificate, Uri authority, bool disableDiscovery) =>
            new ClientCertificateCredential(
                Require(request.TenantId, "TenantId"),
                Require(request.ClientId, "ClientId"),
                certificate,
                new ClientCertificateCredentialOptions { AuthorityHost = authority, DisableInstanceDiscovery = disableDiscovery });

        /// <summary>Looks in the current user's store first, then the machine's, as Connect-MgGraph does.</summary>
        private static X509Certificate2 FindCertificate(string thumbprint)
        {
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                using var store = new X509Store(StoreName.My, location);
                try
                {
                    store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    continue;
                }

                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                foreach (var certificate in found)
                {
                    if (certificate.HasPrivateKey)
                    {
                        return certificate;
                    }
                }
            }

            throw new EntraPasskeyException(
                "CertificateNotFound",
                ErrorKind.InvalidArgument,
                $"No certificate with thumbprint {thumbprint} and a private key was found in the CurrentUser or LocalMachine 'My' store.",
                "Import the certificate with its private key, or pass it with -Certificate.",
                thumbprint);
        }

        private static string Require(string? value, string name) =>
            string.IsNullOrWhiteSpace(value) ? throw Missing(name) : value!;

        private static EntraPasskeyException Missing(string name) =>
            new EntraPasskeyException(
                "ConnectionParameterMissing",
                ErrorKind.InvalidArgument,
                $"-{name} is required for this way of connecting.",
                $"Pass -{name}.");
    }
}
