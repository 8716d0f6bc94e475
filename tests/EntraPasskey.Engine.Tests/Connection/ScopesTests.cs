using EntraPasskey.Engine.Connection;
using Xunit;

namespace EntraPasskey.Engine.Tests.Connection
{
    /// <summary>What a token is asked for: the read defaults, what -Scopes adds, and .default for app-only sign-in.</summary>
    public sealed class ScopesTests
    {
        private const string Graph = "https://graph.microsoft.com/";

        private static readonly string[] ReadDefaults =
        {
            Graph + "User.Read.All", Graph + "GroupMember.Read.All", Graph + "UserAuthenticationMethod.Read.All",
            Graph + "Policy.Read.All", Graph + "AuditLog.Read.All", Graph + "Organization.Read.All",
        };

        [Theory]
        [InlineData(ConnectionMode.InteractiveBrowser)]
        [InlineData(ConnectionMode.DeviceCode)]
        public void For_DelegatedWithoutScopes_AsksForTheReadDefaults(ConnectionMode mode)
        {
            Assert.Equal(ReadDefaults, Scopes.For(new ConnectionRequest { Mode = mode }));
        }

        [Fact]
        public void For_DelegatedWithScopes_AddsThemToTheDefaultsOnce()
        {
            var scopes = Scopes.For(new ConnectionRequest
            {
                Mode = ConnectionMode.InteractiveBrowser,
                Scopes = new[] { "UserAuthenticationMethod.ReadWrite.All", "user.read.all", Graph + "Policy.Read.All" },
            });

            Assert.Equal(ReadDefaults.Length + 1, scopes.Length);
            Assert.Equal(ReadDefaults, scopes[..ReadDefaults.Length]);
            Assert.Equal(Graph + "UserAuthenticationMethod.ReadWrite.All", scopes[^1]);
        }

        [Fact]
        public void For_DelegatedInANationalCloud_QualifiesWithThatCloudsGraph()
        {
            var scopes = Scopes.For(new ConnectionRequest { Mode = ConnectionMode.DeviceCode, Environment = CloudEnvironment.USGov, Scopes = new[] { "UserAuthenticationMethod.ReadWrite.All" } });

            Assert.All(scopes, s => Assert.StartsWith("https://graph.microsoft.us/", s));
            Assert.Contains("https://graph.microsoft.us/Organization.Read.All", scopes);
        }

        [Theory]
        [InlineData(ConnectionMode.ClientSecret)]
        [InlineData(ConnectionMode.Certificate)]
        [InlineData(ConnectionMode.ManagedIdentity)]
        public void For_AppOnly_AsksForDotDefaultOnly(ConnectionMode mode)
        {
            Assert.Equal(new[] { Graph + ".default" }, Scopes.For(new ConnectionRequest { Mode = mode }));
        }
    }
}
