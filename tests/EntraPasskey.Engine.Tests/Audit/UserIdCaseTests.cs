using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Audit;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Audit
{
    /// <summary>An object id logged in another letter case is the same user, from Graph and from a workspace alike.</summary>
    public sealed class UserIdCaseTests
    {
        private const string Megan = "00d3f0dd-f2cb-4c1f-b47e-aae1194bb1c7";

        /// <summary>The second of Megan's three failed attempts in the sample week.</summary>
        private const string MeganSecondAttempt = "4cfafb9e-66b5-535e-b38e-cd2b8fd0389b";

        [Fact]
        public async Task Summarise_OneAttemptLoggedWithAnUpperCaseId_IsStillOneUserWithThreeAttempts()
        {
            await using var sim = await AuditSimulator.StartAsync(tenant => UpperCaseUserIds(tenant, MeganSecondAttempt));
            using var graph = await sim.ConnectAsync();
            using var workspace = await sim.ConnectToLogAnalyticsAsync();

            var fromGraph = await new RegistrationFailureReport(sim.Request()).SummariseAsync(graph, CancellationToken.None);
            var fromWorkspace = await new RegistrationFailureReport(sim.Request(r =>
            {
                r.WorkspaceId = Guid.Parse(AuditSimulator.WorkspaceId);
                r.LogAnalyticsEndpoint = sim.Host.GraphBaseUri;
            })).SummariseAsync(workspace, CancellationToken.None);

            foreach (var rows in new[] { fromGraph, fromWorkspace })
            {
                var megan = Assert.Single(rows, r => r.UserPrincipalName == "MeganB@contoso.com");
                Assert.Equal(("PolicyDisallowsPasskey", 3, true), (megan.Reason, megan.Attempts, megan.NeedsOutreach));
                Assert.Equal(Megan, megan.UserId, ignoreCase: true);
            }
        }

        private static void UpperCaseUserIds(JsonObject tenant, string correlationId)
        {
            var audits = tenant["directoryAudits"]!.AsArray().Where(a => (string?)a!["correlationId"] == correlationId).ToList();
            Assert.NotEmpty(audits);
            foreach (var audit in audits)
            {
                audit!["targetResources"]![0]!["id"] = Megan.ToUpperInvariant();
                audit["initiatedBy"]!["user"]!["id"] = Megan.ToUpperInvariant();
            }
        }
    }
}
