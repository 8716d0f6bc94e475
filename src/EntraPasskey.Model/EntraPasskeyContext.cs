using System;

namespace EntraPasskey
{
    /// <summary>Who is connected, to which tenant and endpoint, with which permissions. Never holds the token.</summary>
    public sealed class EntraPasskeyContext
    {
        public EntraPasskeyContext(
            string? account,
            string? tenantId,
            string? clientId,
            string authType,
            ConnectionMode connectionMode,
            CloudEnvironment environment,
            Uri graphEndpoint,
            string[] scopes,
            DateTimeOffset? tokenExpiresOn)
        {
            Account = account;
            TenantId = tenantId;
            ClientId = clientId;
            AuthType = authType;
            ConnectionMode = connectionMode;
            Environment = environment;
            GraphEndpoint = graphEndpoint;
            Scopes = scopes;
            TokenExpiresOn = tokenExpiresOn;
        }

        /// <summary>The signed-in user (delegated) or the application (app-only).</summary>
        public string? Account { get; }

        public string? TenantId { get; }

        public string? ClientId { get; }

        /// <summary>Delegated or AppOnly.</summary>
        public string AuthType { get; }

        public ConnectionMode ConnectionMode { get; }

        public CloudEnvironment Environment { get; }

        public Uri GraphEndpoint { get; }

        /// <summary>Delegated scopes or application roles granted in the token.</summary>
        public string[] Scopes { get; }

        public DateTimeOffset? TokenExpiresOn { get; }

        public override string ToString() => $"{Account} @ {TenantId} ({GraphEndpoint})";
    }
}
