using System;
using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Transport;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>Tokens and connections for tests: the SecureString the module takes, an unsigned JWT, a free loopback port.</summary>
    internal static class TestTokens
    {
        public static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            return secure;
        }

        /// <summary>A token the module only decodes (it never checks signatures), with the given claims.</summary>
        public static string UnsignedJwt(string claimsJson)
        {
            static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return Part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Part(claimsJson) + ".c2ln";
        }

        /// <summary>Retries as a connection makes them, with waits of milliseconds instead of seconds.</summary>
        public static readonly RetryPolicy QuickRetries = new RetryPolicy { FirstBackoff = TimeSpan.FromMilliseconds(5) };

        /// <summary>Connects with <paramref name="token"/> (-AccessToken) to a Graph endpoint such as the simulator.</summary>
        /// <param name="reports">
        /// The connection's reports budget: by default one on a simulated clock, so sign-in reads keep their order and
        /// pace without sleeping; a test against a simulator that throttles that budget passes one on its clock.
        /// </param>
        /// <param name="retries">How hard requests are tried: by default as a real connection, with the real waits.</param>
        public static Task<EntraPasskeyConnection> ConnectAsync(string token, Uri graphEndpoint, ReportsBudget? reports = null, RetryPolicy? retries = null) =>
            EntraPasskeyConnection.ConnectAsync(
                new ConnectionRequest { Mode = ConnectionMode.AccessToken, AccessToken = Secure(token), GraphEndpoint = graphEndpoint },
                reports ?? ReportsBudget.OnSimulatedClock(),
                retries ?? RetryPolicy.Default,
                CancellationToken.None);

        /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
        public static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }
}
