using System;
using EntraPasskey.Commands;
using EntraPasskey.Engine.Connection;

namespace EntraPasskey.Internal
{
    /// <summary>Which connection a command uses: Connect-EntraPasskey's, else a borrowed Connect-MgGraph token.</summary>
    internal static class ConnectionResolver
    {
        /// <summary>The connection, and whether it was borrowed for this command only (then the caller disposes it).</summary>
        public static (EntraPasskeyConnection Connection, bool Borrowed) Resolve(EntraPasskeyCommandBase cmdlet)
        {
            var current = ConnectionState.Current;
            if (current != null)
            {
                return (current, false);
            }

            var request = GraphPowerShellSession.TryCreateRequest(cmdlet) ?? throw NotConnected();
            cmdlet.WriteVerbose("Not connected with Connect-EntraPasskey; using the Microsoft Graph PowerShell connection (Connect-MgGraph).");
            return (cmdlet.Run(token => EntraPasskeyConnection.ConnectAsync(request, token)), true);
        }

        public static EntraPasskeyException NotConnected() =>
            new EntraPasskeyException(
                "NotConnected", ErrorKind.NotConnected,
                "You are not connected to Microsoft Graph.",
                "Run Connect-EntraPasskey (or Connect-MgGraph) first.");

        public static void Release((EntraPasskeyConnection Connection, bool Borrowed) resolved)
        {
            if (resolved.Borrowed)
            {
                ((IDisposable)resolved.Connection).Dispose();
            }
        }
    }
}
