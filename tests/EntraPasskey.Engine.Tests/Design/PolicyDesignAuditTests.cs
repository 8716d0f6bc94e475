using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design
{
    /// <summary>The audit's readers against the simulator's sample tenant: the policy document, group sizes and the registration report.</summary>
    public sealed class PolicyDesignAuditTests : IClassFixture<SimulatorFixture>
    {
        private readonly SimulatorFixture _sim;

        public PolicyDesignAuditTests(SimulatorFixture sim)
        {
            _sim = sim;
        }

        [Fact]
        public async Task Run_SampleTenant_ReadsCampaignSizeCountsAndReport()
        {
            using var connection = await _sim.ConnectAsync();
            var tenantUsers = JsonNode.Parse(File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "tenants", "contoso.json")))!["users"]!.AsArray().Count;

            var report = await new PolicyDesignAudit(() => DesignInputs.Now).RunAsync(connection, CancellationToken.None);

            Assert.Equal(tenantUsers, report.Tenant.Users);
            Assert.Equal(tenantUsers, report.Tenant.UsersInRegistrationReport);
            Assert.Equal("Enabled", report.Tenant.Campaign);
            Assert.InRange(report.Tenant.PolicySize!.PasskeyBytes, 512, 20 * 1024);
            Assert.InRange(report.Tenant.PolicySize.OtherMethodsBytes, 1024, 20 * 1024);
            var campaign = report.Findings.Single(f => f.CheckId == "CampaignNotTargetingPasskeys");
            Assert.Equal(FindingStatus.Fail, campaign.Status);
            Assert.Equal(tenantUsers, campaign.AffectedUsers);
            Assert.Equal(FindingStatus.Fail, report.Findings.Single(f => f.CheckId == "AllResourcesStrengthLoop").Status);
            Assert.DoesNotContain(report.Findings, f => f.Status == FindingStatus.Unknown);
        }

        [Fact]
        public async Task Run_WithoutTheReportPermission_MakesItsChecksUnknown_AndWarns()
        {
            using var connection = await _sim.ConnectAsync("User.Read.All", "GroupMember.Read.All", "Policy.Read.All");
            var audit = new PolicyDesignAudit(() => DesignInputs.Now);

            var report = await audit.RunAsync(connection, CancellationToken.None);

            var sms = report.Findings.Single(f => f.CheckId == "SmsVoiceOnlyUsers");
            Assert.Equal(FindingStatus.Unknown, sms.Status);
            Assert.Contains("AuditLog.Read.All", sms.Problem);
            Assert.Null(report.Tenant.UsersInRegistrationReport);
            Assert.True(audit.Log.TryTake(out _));
        }
    }
}
