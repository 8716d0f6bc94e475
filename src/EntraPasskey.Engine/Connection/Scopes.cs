using System;
using System.Linq;

namespace EntraPasskey.Engine.Connection
{
    /// <summary>Which scopes a token is requested for.</summary>
    internal static class Scopes
    {
        /// <summary>
        /// Delegated sign-in asks for what the read-only commands need (Organization.Read.All lets
        /// Get-PasskeyRegistrationFailures tell a Free tenant's shorter audit retention apart); the commands that
        /// write need more, which the caller adds with -Scopes: UserAuthenticationMethod.ReadWrite.All for
        /// New-PasskeyBootstrapTap and Remove-EntraPasskey, and User.RevokeSessions.All for its -RevokeSessions.
        /// </summary>
        public static readonly string[] DelegatedDefault =
        {
            "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.All", "AuditLog.Read.All",
            "Organization.Read.All",
        };

        /// <summary>
        /// Delegated scopes the caller names are added to the defaults: asking for one more permission must not
        /// drop the ones every command reads with. Tokens are for the cloud's Graph resource even when calls go to
        /// another endpoint: a proxy forwards to Graph, which checks the audience.
        /// </summary>
        public static string[] For(ConnectionRequest request)
        {
            var resource = CloudEndpoints.GraphRoot(request.Environment).AbsoluteUri;
            var isDelegated = request.Mode == ConnectionMode.InteractiveBrowser || request.Mode == ConnectionMode.DeviceCode;
            var named = request.Scopes ?? Array.Empty<string>();
            if (isDelegated)
            {
                return DelegatedDefault.Concat(named).Select(s => Qualify(s, resource)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            }

            return named.Length > 0
                ? named.Select(s => Qualify(s, resource)).ToArray()
                : new[] { resource + ".default" };
        }

        /// <summary>"User.Read.All" becomes "https://graph.microsoft.com/User.Read.All"; full URIs stay.</summary>
        private static string Qualify(string scope, string resource) =>
            scope.IndexOf("://", StringComparison.Ordinal) >= 0 ? scope : resource + scope;
    }
}
