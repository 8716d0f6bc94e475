using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace EntraPasskey
{
    /// <summary>Everything Connect-EntraPasskey collected; the engine turns it into a credential and a Graph client.</summary>
    public sealed class ConnectionRequest
    {
        public ConnectionMode Mode { get; set; }

        public string? TenantId { get; set; }

        public string? ClientId { get; set; }

        public SecureString? ClientSecret { get; set; }

        public string? CertificateThumbprint { get; set; }

        public X509Certificate2? Certificate { get; set; }

        public SecureString? AccessToken { get; set; }

        public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

        /// <summary>Graph root to call instead of the environment's (a proxy, or the simulator on loopback).</summary>
        public Uri? GraphEndpoint { get; set; }

        /// <summary>Token authority to use instead of the environment's (https only).</summary>
        public Uri? AuthorityHost { get; set; }

        /// <summary>
        /// Interactive and device-code sign-in: scopes to request besides the read scopes every command needs. Other modes:
        /// the scopes of the token (the Graph resource's .default when none).
        /// </summary>
        public string[]? Scopes { get; set; }

        /// <summary>Receives the device-code prompt text (no secret in it).</summary>
        public Action<string>? DeviceCodePrompt { get; set; }
    }
}
