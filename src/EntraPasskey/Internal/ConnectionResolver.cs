using EntraPasskey.Commands;
using EntraPasskey.Engine.Connection;

namespace EntraPasskey.Internal
{
    /// <summary>Which connection a command uses: Connect-EntraPasskey's, else a borrowed Connect-MgGraph token.</summary>
    internal static class ConnectionResolver
    {
        public const string NotConnectedId = "NotConnected";

        /// <summary>The connection for this command; dispose it when the command is done with it.</summary>
        public static ResolvedConnection Resolve(EntraPasskeyCommandBase cmdlet)
        {
            var current = ConnectionState.Current;
            if (current != null)
            {
                return new ResolvedConnection(current, borrowed: false);
            }

            var request = GraphPowerShellSession.TryCreateRequest(cmdlet) ?? throw NotConnected();
            cmdlet.WriteVerbose("Not connected with Connect-EntraPasskey; using the Microsoft Graph PowerShell connection (Connect-MgGraph).");
            return new ResolvedConnection(cmdlet.Run(token => EntraPasskeyConnection.ConnectAsync(request, token)), borrowed: true);
        }

        private static EntraPasskeyException NotConnected() =>
            new EntraPasskeyException(
                NotConnectedId, ErrorKind.NotConnected,
                "You are not connected to Microsoft Graph.",
                "Run Connect-EntraPasskey (or Connect-MgGraph) first.");
    }
}
