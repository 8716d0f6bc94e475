using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Tests.Fixtures;
using GraphSimulator;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>
    /// Evidence that may be missing (sign-in logs, Conditional Access) never turns into an error for the user: the
    /// finding that needed it is Unknown and names the licence or permission.
    /// </summary>
    public sealed class OptionalEvidenceTests : IClassFixture<SimulatorFixture>
    {
        private const string Adele = "AdeleV@contoso.com";

        private readonly SimulatorFixture _sim;

        public OptionalEvidenceTests(SimulatorFixture sim)
        {
            _sim = sim;
        }

        [Fact]
        public async Task SignIns_WithoutAuditLogPermission_Layer4IsUnknownNamingItAndTheUserIsStillReady()
        {
            using var connection = await _sim.ConnectAsync("User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.All");

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { Adele }).Single();

            Assert.Null(result.Error);
            Assert.Equal(Verdict.Ready, result.Diagnosis!.Verdict);
            var finding = result.Diagnosis.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal(FindingStatus.Unknown, finding.Status);
            Assert.Equal("SignInLogsUnavailable", finding.ReasonCode);
            Assert.Equal("AuditLog.Read.All", finding.Evidence["missingPermission"]);
            Assert.Equal(FindingStatus.NotChecked, result.Diagnosis.Findings[PasskeyLayer.PlatformBrowser].Status);
        }

        [Fact]
        public async Task SignIns_FreeTenant_Layer4IsUnknownBecauseOfTheLicence()
        {
            var tenant = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "tenants", "contoso.json")))!.AsObject();
            tenant["licence"] = "Free";
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Tenant = tenant });
            using var connection = await ConnectAsync(host, SimulatorFixture.AllReadRoles);

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { Adele }).Single();

            Assert.Null(result.Error);
            Assert.Equal(Verdict.Ready, result.Diagnosis!.Verdict);
            var finding = result.Diagnosis.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal("SignInLogsUnavailable", finding.ReasonCode);
            Assert.Contains("P1 or P2", finding.Message);
            Assert.False(finding.Evidence.ContainsKey("missingPermission"));
        }

        [Fact]
        public async Task ConditionalAccess_WithoutPolicyReadAll_IsUnknownForEveryoneWhoWouldOtherwiseBeReady()
        {
            using var connection = await _sim.ConnectAsync("User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.AuthenticationMethod", "AuditLog.Read.All");

            var results = SimulatorFixture.DiagnoseAll(connection, new[] { Adele, _sim.Upn["Lee Gu"] });

            Assert.All(results, r => Assert.Null(r.Error));
            Assert.Equal(Verdict.Unknown, results[0].Diagnosis!.Verdict);
            Assert.Equal("ConditionalAccessUnavailable", results[0].Diagnosis!.ReasonCode);
            Assert.Equal("Policy.Read.All", results[0].Diagnosis!.Findings[PasskeyLayer.MfaBootstrap].Evidence["missingPermission"]);
            Assert.Equal(Verdict.Blocked, results[1].Diagnosis!.Verdict);
            Assert.Equal("UserExcluded", results[1].Diagnosis!.ReasonCode);
        }

        [Fact]
        public async Task SignIns_UserGivenByUpnWithAnApostrophe_AreFilteredByThatUpnOnBeta()
        {
            using var connection = await _sim.ConnectAsync();
            _sim.Host.ClearRequests();

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { "o'brien@contoso.com" }).Single();

            var signIns = Assert.Single(_sim.Host.Requests, r => r.Path.StartsWith("/beta/auditLogs/signIns", StringComparison.Ordinal));
            Assert.Contains("userPrincipalName eq 'o''brien@contoso.com' and createdDateTime ge ", Uri.UnescapeDataString(signIns.Path));
            Assert.Equal(200, signIns.Status);
            Assert.Equal(FindingStatus.Pass, result.Diagnosis!.Findings[PasskeyLayer.RecentMfaSession].Status);
            Assert.Equal("iOS", result.Diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["platform"]);
        }

        [Fact]
        public async Task SignIns_UserGivenById_AreFilteredByUserId()
        {
            using var connection = await _sim.ConnectAsync();
            _sim.Host.ClearRequests();

            SimulatorFixture.DiagnoseAll(connection, new[] { "f0d296dc-76c4-442a-9ac0-955d7ea6b7b3" });

            var signIns = Assert.Single(_sim.Host.Requests, r => r.Path.StartsWith("/beta/auditLogs/signIns", StringComparison.Ordinal));
            Assert.Contains("userId eq 'f0d296dc-76c4-442a-9ac0-955d7ea6b7b3'", Uri.UnescapeDataString(signIns.Path));
            Assert.Contains("$top=1000", Uri.UnescapeDataString(signIns.Path));
        }

        private static Task<EntraPasskeyConnection> ConnectAsync(SimulatorHost host, string[] roles) =>
            TestTokens.ConnectAsync(host.IssueToken(roles), host.GraphBaseUri);
    }
}
