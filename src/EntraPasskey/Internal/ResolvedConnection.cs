using System;
using EntraPasskey.Engine.Connection;

namespace EntraPasskey.Internal
{
    /// <summary>
    /// The connection one command runs on. Disposing it closes a connection borrowed from Connect-MgGraph for this
    /// command only, and leaves Connect-EntraPasskey's shared one open.
    /// </summary>
    internal sealed class ResolvedConnection : IDisposable
    {
        private readonly bool _borrowed;

        public ResolvedConnection(EntraPasskeyConnection connection, bool borrowed)
        {
            Connection = connection;
            _borrowed = borrowed;
        }

        public EntraPasskeyConnection Connection { get; }

        public void Dispose()
        {
            if (_borrowed)
            {
                Connection.Dispose();
            }
        }
    }
}
