using System.Threading;
using EntraPasskey.Engine.Connection;

namespace EntraPasskey.Internal
{
    /// <summary>The connection made by Connect-EntraPasskey, shared by every command in the session.</summary>
    internal static class ConnectionState
    {
        private static EntraPasskeyConnection? s_current;

        public static EntraPasskeyConnection? Current => Volatile.Read(ref s_current);

        public static void Set(EntraPasskeyConnection connection) => Interlocked.Exchange(ref s_current, connection)?.Dispose();

        /// <summary>True when there was a connection to forget.</summary>
        public static bool Clear()
        {
            var previous = Interlocked.Exchange(ref s_current, null);
            previous?.Dispose();
            return previous != null;
        }
    }
}
