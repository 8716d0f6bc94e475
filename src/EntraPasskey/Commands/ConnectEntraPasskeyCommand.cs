using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>Signs in once per PowerShell session; every other EntraPasskey command uses this connection.</summary>
    [Cmdlet(VerbsCommunications.Connect, "EntraPasskey", DefaultParameterSetName = InteractiveSet)]
    [OutputType(typeof(EntraPasskeyContext))]
    public sealed class ConnectEntraPasskeyCommand : EntraPasskeyCommandBase
    {
        private const string InteractiveSet = "Interactive";
        private const string DeviceCodeSet = "DeviceCode";
        private const string ClientSecretSet = "ClientSecret";
        private const string ThumbprintSet = "CertificateThumbprint";
        private const string CertificateSet = "Certificate";
        private const string ManagedIdentitySet = "ManagedIdentity";
        private const string AccessTokenSet = "AccessToken";

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [ValidateNotNullOrEmpty]
        public string? TenantId { get; set; }

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        [Parameter(ParameterSetName = ManagedIdentitySet)]
        [Alias("AppId", "ApplicationId")]
        [ValidateNotNullOrEmpty]
        public string? ClientId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = DeviceCodeSet)]
        public SwitchParameter UseDeviceCode { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
        public SecureString? ClientSecret { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ThumbprintSet)]
        [ValidateNotNullOrEmpty]
        public string? CertificateThumbprint { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CertificateSet)]
        public X509Certificate2? Certificate { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ManagedIdentitySet)]
        public SwitchParameter ManagedIdentity { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
        public SecureString? AccessToken { get; set; }

        [Parameter(ParameterSetName = InteractiveSet)]
        [Parameter(ParameterSetName = DeviceCodeSet)]
        [ValidateNotNullOrEmpty]
        public string[]? Scopes { get; set; }

        [Parameter]
        public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

        [Parameter]
        [ValidateNotNull]
        public Uri? GraphEndpoint { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? AuthorityHost { get; set; }

        protected override void Process()
        {
            var request = new ConnectionRequest
            {
                Mode = ModeOf(ParameterSetName),
                TenantId = TenantId,
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                CertificateThumbprint = CertificateThumbprint,
                Certificate = Certificate,
                AccessToken = AccessToken,
                Environment = Environment,
                GraphEndpoint = GraphEndpoint,
                AuthorityHost = AuthorityHost,
                Scopes = Scopes,
            };
            // Device-code sign-in prints its prompt while the credential waits, so prompts are shown as they come.
            var prompts = new ConcurrentQueue<string>();
            request.DeviceCodePrompt = prompts.Enqueue;
            EntraPasskeyConnection connection;
            try
            {
                connection = Run(ct => EntraPasskeyConnection.ConnectAsync(request, ct), () => ShowPrompts(prompts));
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, TenantId);
                return;
            }

            ConnectionState.Set(connection);
            WriteObject(connection.Context);
        }

        /// <summary>On the host, not the warning stream: -WarningAction SilentlyContinue must not hide how to sign in.</summary>
        private void ShowPrompts(ConcurrentQueue<string> prompts)
        {
            while (prompts.TryDequeue(out var prompt))
            {
                Host.UI.WriteWarningLine(prompt);
            }
        }

        private static ConnectionMode ModeOf(string parameterSet)
        {
            switch (parameterSet)
            {
                case DeviceCodeSet: return ConnectionMode.DeviceCode;
                case ClientSecretSet: return ConnectionMode.ClientSecret;
                case ThumbprintSet: return ConnectionMode.CertificateThumbprint;
                case CertificateSet: return ConnectionMode.Certificate;
                case ManagedIdentitySet: return ConnectionMode.ManagedIdentity;
                case AccessTokenSet: return ConnectionMode.AccessToken;
                default: return ConnectionMode.InteractiveBrowser;
            }
        }
    }
}
