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
    /// <summary>
    /// Security key, Windows Hello and passkey adds are logged by the Device Registration Service, not Authentication
    /// Methods (entra-docs reference-audit-activities.md): the report reads both, from Graph and from a workspace, and
    /// counts an attempt both services logged once.
    /// </summary>
    public sealed class DeviceRegistrationServiceTests
    {
        private const string Diego = "560d95ac-b07e-4c4d-9077-87577f5ade17";

        [Fact]
        public async Task FailureLoggedOnlyByDeviceRegistration_IsReportedFromGraphAndWorkspace()
        {
            await using var sim = await AuditSimulator.StartAsync(AddDeviceRegistrationFailure);
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
                var diego = Assert.Single(rows, r => r.UserId == Diego);
                Assert.Equal(("DiegoS@contoso.com", "PlatformNotSupported", 1, 5), (diego.UserPrincipalName, diego.Reason, diego.Attempts, diego.LikelyLayer!.Value));
                Assert.Equal(new[] { "Security key" }, diego.Methods);
            }
        }

        [Fact]
        public async Task PairAcrossServices_IsOneAttemptWithBothActivities()
        {
            await using var sim = await AuditSimulator.StartAsync();
            using var graph = await sim.ConnectAsync();

            var attempts = await new RegistrationFailureReport(sim.Request(r => r.Users = new[] { "LeeG@contoso.com" })).ListAttemptsAsync(graph, CancellationToken.None);

            var lee = Assert.Single(attempts);
            Assert.Equal(2, lee.EventCount);
            Assert.Equal(new[] { "User registered security info", "Add Passkey (device-bound)" }, lee.Activities);
        }

        [Fact]
        public async Task ResultFilterRefused_FallsBackToOneQueryPerServiceWithTheSameReport()
        {
            await using var sim = await AuditSimulator.StartAsync(AddDeviceRegistrationFailure);
            using var direct = await sim.ConnectAsync();
            using var proxy = new TamperingProxy(sim.Host.GraphBaseUri, e => Uri.UnescapeDataString(e.PathAndQuery).Contains("result eq", StringComparison.Ordinal)
                ? e with { Status = 400, Body = """{"error":{"code":"Request_UnsupportedQuery","message":"Unsupported Query."}}""" }
                : e);
            using var refused = await TestTokens.ConnectAsync(sim.Host.IssueToken(new[] { "AuditLog.Read.All", "Organization.Read.All" }), proxy.Root);

            var expected = await new RegistrationFailureReport(sim.Request()).SummariseAsync(direct, CancellationToken.None);
            sim.Host.ClearRequests();
            var report = new RegistrationFailureReport(sim.Request());
            var actual = await report.SummariseAsync(refused, CancellationToken.None);

            Assert.Equal(expected.Select(r => (r.UserId, r.Reason, r.Attempts)), actual.Select(r => (r.UserId, r.Reason, r.Attempts)));
            var filters = sim.Host.Requests.Select(r => Uri.UnescapeDataString(r.Path)).Where(p => p.Contains("$filter=", StringComparison.Ordinal)).ToList();
            Assert.Equal(3, filters.Count);
            Assert.Contains(filters, f => f.Contains("$filter=loggedByService eq 'Authentication Methods' and activityDateTime", StringComparison.Ordinal));
            Assert.Contains(filters, f => f.Contains("$filter=loggedByService eq 'Device Registration Service' and activityDateTime", StringComparison.Ordinal));
            var messages = new System.Collections.Generic.List<string>();
            while (report.Log.TryTake(out var message))
            {
                messages.Add(message.Text);
            }

            Assert.Contains(messages, m => m.Contains("refused to filter the audit log on the result", StringComparison.Ordinal));
        }

        /// <summary>Diego's security key failed in a browser that cannot register one; only the Device Registration Service logged it.</summary>
        private static void AddDeviceRegistrationFailure(JsonObject tenant) =>
            tenant["directoryAudits"]!.AsArray().Add(JsonNode.Parse("""
                {
                  "id": "DeviceRegistrationService_7a1f3c9e-5b20-4d84-9e61-2c8d0f4b7a35_090",
                  "category": "UserManagement",
                  "correlationId": "7a1f3c9e-5b20-4d84-9e61-2c8d0f4b7a35",
                  "result": "failure",
                  "resultReason": "Security key registration is not supported in this browser.",
                  "activityDisplayName": "Add FIDO2 security key",
                  "activityDateTime": "@now-3h",
                  "loggedByService": "Device Registration Service",
                  "operationType": "Add",
                  "initiatedBy": { "app": null, "user": { "id": "560d95ac-b07e-4c4d-9077-87577f5ade17", "displayName": "Diego Siciliani", "userPrincipalName": "DiegoS@contoso.com", "ipAddress": "203.0.113.60", "userType": "Member", "homeTenantId": "ae4e4204-fcea-4fd9-8c5b-5999ca184433", "homeTenantName": null } },
                  "targetResources": [ { "id": "560d95ac-b07e-4c4d-9077-87577f5ade17", "displayName": "Diego Siciliani", "type": "User", "userPrincipalName": "DiegoS@contoso.com", "groupType": null, "modifiedProperties": [] } ],
                  "additionalDetails": []
                }
                """));
    }
}
