using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using GraphSimulator;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>
    /// User keys in URL paths, encoded as Graph requires (user-get.md): the simulator, like Graph, reads an unencoded
    /// '#' as the start of a fragment and refuses a path segment that starts with '$'.
    /// </summary>
    public sealed class UserPathTests : IClassFixture<SimulatorFixture>
    {
        private const string Guest = "pat_fabrikam.com#EXT#@contoso.onmicrosoft.com";

        private readonly SimulatorFixture _sim;

        public UserPathTests(SimulatorFixture sim)
        {
            _sim = sim;
        }

        [Theory]
        [InlineData("f0d296dc-76c4-442a-9ac0-955d7ea6b7b3", "users/f0d296dc-76c4-442a-9ac0-955d7ea6b7b3")]
        [InlineData("AdeleV@contoso.com", "users/AdeleV@contoso.com")]
        [InlineData("o'brien@contoso.com", "users/o'brien@contoso.com")]
        [InlineData(Guest, "users/pat_fabrikam.com%23EXT%23@contoso.onmicrosoft.com")]
        [InlineData("100%pure@contoso.com", "users/100%25pure@contoso.com")]
        [InlineData("a/b?c@contoso.com", "users/a%2Fb%3Fc@contoso.com")]
        [InlineData("$kiosk@contoso.com", "users('$kiosk@contoso.com')")]
        [InlineData("$o'neil#EXT#@contoso.com", "users('$o''neil%23EXT%23@contoso.com')")]
        public void Of_EncodesWhatGraphRequires(string key, string path)
        {
            Assert.Equal(path, UserPath.Of(key));
        }

        [Fact]
        public async Task Diagnose_GuestByUpn_GetsTheGuestVerdictNotNotFound()
        {
            using var connection = await _sim.ConnectAsync();
            _sim.Host.ClearRequests();

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { Guest }).Single();

            Assert.Null(result.Error);
            Assert.Equal((Verdict.Blocked, "GuestUser"), (result.Diagnosis!.Verdict, result.Diagnosis.ReasonCode));
            Assert.All(
                _sim.Host.Requests.Where(r => r.InBatch && r.Path.Contains("pat_fabrikam", StringComparison.Ordinal)),
                r => Assert.StartsWith("/v1.0/users/pat_fabrikam.com%23EXT%23@contoso.onmicrosoft.com", r.Path, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Diagnose_UpnStartingWithDollar_UsesTheKeyForm()
        {
            var tenant = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "tenants", "contoso.json")))!.AsObject();
            tenant["users"]!.AsArray().OfType<JsonObject>().Single(u => (string)u["displayName"]! == "Adele Vance")["userPrincipalName"] = "$kiosk-adele@contoso.com";
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Tenant = tenant });
            using var connection = await TestTokens.ConnectAsync(host.IssueToken(SimulatorFixture.AllReadRoles), host.GraphBaseUri);

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { "$kiosk-adele@contoso.com" }).Single();

            Assert.Null(result.Error);
            Assert.Equal("Adele Vance", result.Diagnosis!.DisplayName);
            Assert.Contains(host.Requests, r => r.InBatch && r.Path.StartsWith("/v1.0/users('$kiosk-adele@contoso.com')/authentication/methods", StringComparison.Ordinal));
        }
    }
}
