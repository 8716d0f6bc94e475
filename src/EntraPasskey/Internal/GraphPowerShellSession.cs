using System;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace EntraPasskey.Internal
{
    /// <summary>
    /// Borrows the token of a Microsoft Graph PowerShell SDK connection (Connect-MgGraph) when the user has not run
    /// Connect-EntraPasskey. The SDK does not expose its token; the supported way to see it is the request message of
    /// an Invoke-MgGraphRequest response, which also tells us the endpoint it talks to.
    /// </summary>
    internal static class GraphPowerShellSession
    {
        /// <summary>
        /// The probe's request carries the token, so the SDK's debug and verbose tracing of it stays off whatever the
        /// session's $DebugPreference or $VerbosePreference says: a trace of its headers would print the token.
        /// </summary>
        private const string ProbeCommand =
            "Invoke-MgGraphRequest -Method GET -Uri 'v1.0/organization?$select=id' -OutputType HttpResponseMessage -SkipHttpErrorCheck -Debug:$false -Verbose:$false";

        /// <summary>A request for a connection borrowing the SDK's token, or null when the SDK is not connected.</summary>
        public static ConnectionRequest? TryCreateRequest(PSCmdlet cmdlet)
        {
            if (cmdlet.InvokeCommand.GetCommand("Get-MgContext", CommandTypes.Function | CommandTypes.Cmdlet | CommandTypes.Alias) == null)
            {
                return null;
            }

            var context = cmdlet.InvokeCommand.InvokeScript("Get-MgContext").FirstOrDefault(o => o?.BaseObject != null);
            if (context == null)
            {
                return null;
            }

            var response = cmdlet.InvokeCommand.InvokeScript(ProbeCommand).FirstOrDefault(o => o?.BaseObject != null);
            var request = response?.Properties["RequestMessage"]?.Value;
            string? authorization;
            Uri? requestUri;
            try
            {
                authorization = request == null ? null : PSObject.AsPSObject(request).Properties["Headers"]?.Value is object headers
                    ? PSObject.AsPSObject(PSObject.AsPSObject(headers).Properties["Authorization"]?.Value).Properties["Parameter"]?.Value as string
                    : null;
                requestUri = request == null ? null : PSObject.AsPSObject(request).Properties["RequestUri"]?.Value as Uri;
            }
            finally
            {
                // Disposing a response does not dispose its request, which holds the Authorization header.
                (request as IDisposable)?.Dispose();
                (response?.BaseObject as IDisposable)?.Dispose();
            }

            if (string.IsNullOrEmpty(authorization) || requestUri == null)
            {
                throw new EntraPasskeyException(
                    "GraphPowerShellTokenUnavailable", ErrorKind.NotConnected,
                    "Connect-MgGraph is connected, but its access token could not be borrowed.",
                    "Run Connect-EntraPasskey, or reconnect with Connect-MgGraph.");
            }

            return new ConnectionRequest
            {
                Mode = ConnectionMode.GraphPowerShell,
                AccessToken = ToSecureString(authorization!),
                Environment = ParseEnvironment(context.Properties["Environment"]?.Value as string),
                GraphEndpoint = new Uri(requestUri.GetLeftPart(UriPartial.Authority)),
                TenantId = context.Properties["TenantId"]?.Value as string,
                ClientId = context.Properties["ClientId"]?.Value as string,
            };
        }

        private static CloudEnvironment ParseEnvironment(string? name) =>
            Enum.TryParse<CloudEnvironment>(name, ignoreCase: true, out var environment) ? environment : CloudEnvironment.Global;

        private static SecureString ToSecureString(string value)
        {
            var secure = new SecureString();
            foreach (var c in value)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
