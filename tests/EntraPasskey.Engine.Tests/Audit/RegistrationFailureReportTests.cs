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
    /// <summary>The report end to end over HTTP: Graph (paging, windows, licence, permissions) and the workspace path.</summary>
    public sealed class RegistrationFailureReportTests : IClassFixture<SampleAuditTenant>
    {
        private const string Adele = "f0d296dc-76c4-442a-9ac0-955d7ea6b7b3";
        private const string Conor = "o'brien@contoso.com";

        private static readonly (string Upn, string Reason, int Attempts, bool Outreach)[] SampleWeek =
        {
            ("AdeleV@contoso.com", "AttestationFailed", 2, false),
            ("AlexW@contoso.com", "AaguidNotAllowed", 1, false),
            ("AlexW@contoso.com", "Unrecognised", 1, false),
            ("IsaiahL@contoso.com", "CancelledOrTimedOut", 1, false),
            ("IsaiahL@contoso.com", "KeyRestrictionViolated", 1, false),
            ("JoniS@contoso.com", "ConditionalAccessBlocked", 1, false),
            ("LeeG@contoso.com", "PolicyDisallowsPasskey", 1, false),
            ("MeganB@contoso.com", "PolicyDisallowsPasskey", 3, true),
            ("NestorW@contoso.com", "RecentMfaRequired", 1, false),
            (Conor, "CancelledOrTimedOut", 1, false),
        };

        private readonly AuditSimulator _sample;

        public RegistrationFailureReportTests(SampleAuditTenant sample)
        {
            _sample = sample.Simulator;
        }

        [Fact]
        public async Task Summarise_SampleWeek_OneRowPerUserAndReason()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync();

            var rows = await new RegistrationFailureReport(sim.Request()).SummariseAsync(connection, CancellationToken.None);

            Assert.Equal(SampleWeek, rows.Select(r => (r.UserPrincipalName, r.Reason, r.Attempts, r.NeedsOutreach)));
            var isaiah = rows.Single(r => r.Reason == "KeyRestrictionViolated");
            Assert.Equal(new[] { "2fc0579f-8113-47ea-b116-bb5a8db9202a" }, isaiah.Aaguids);
            Assert.Equal(new[] { "YubiKey 5 Series with NFC" }, isaiah.Authenticators);
            Assert.Equal(new[] { "Security key" }, isaiah.Methods);
            Assert.Equal(2, isaiah.LikelyLayer);
            Assert.Equal("Passkey profile / key restrictions", isaiah.LayerName);
            Assert.Equal(OwnerQueue.IdentityTeam, isaiah.Owner);
            var unknown = rows.Single(r => r.Reason == "Unrecognised");
            Assert.Null(unknown.LikelyLayer);
            Assert.Null(unknown.LayerName);
            Assert.Equal(new[] { "Something went wrong. Error code: 0x80090027." }, unknown.ResultReasons);
        }

        [Fact]
        public async Task Summarise_FiltersServicesWindowAndFailuresOnGraph()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync();
            sim.Host.ClearRequests();

            await new RegistrationFailureReport(sim.Request()).SummariseAsync(connection, CancellationToken.None);

            var request = Assert.Single(sim.Host.Requests);
            var query = Uri.UnescapeDataString(request.Path);
            Assert.StartsWith("/v1.0/auditLogs/directoryAudits?", query);
            Assert.Contains(
                "$filter=(loggedByService eq 'Authentication Methods' or loggedByService eq 'Device Registration Service')"
                + $" and activityDateTime ge {Text(sim.Now.AddDays(-7))} and activityDateTime le {Text(sim.Now)}"
                + " and (result eq 'failure' or result eq 'timeout' or activityDisplayName eq 'User canceled security info registration')&",
                query);
            Assert.Contains("$top=500", query);
        }

        [Fact]
        public async Task Summarise_SmallPages_FollowsEveryNextLinkToTheSameReport()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync();
            sim.Host.ClearRequests();

            var rows = await new RegistrationFailureReport(sim.Request(r => r.PageSize = 5)).SummariseAsync(connection, CancellationToken.None);

            Assert.Equal(SampleWeek, rows.Select(r => (r.UserPrincipalName, r.Reason, r.Attempts, r.NeedsOutreach)));
            var pages = sim.Host.Requests.Where(r => r.Path.StartsWith("/v1.0/auditLogs/directoryAudits", StringComparison.Ordinal)).ToList();
            Assert.True(pages.Count > 1, $"{pages.Count} page(s)");
            Assert.Equal(pages.Count - 1, pages.Count(p => p.Path.Contains("$skiptoken=", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task Summarise_SevenDays_DoesNotReadTheLicence()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync();
            sim.Host.ClearRequests();

            await new RegistrationFailureReport(sim.Request()).SummariseAsync(connection, CancellationToken.None);

            Assert.DoesNotContain(sim.Host.Requests, r => r.Path.StartsWith("/v1.0/organization", StringComparison.Ordinal));
        }

        [Fact]
        public async Task Summarise_ThirtyDaysOnP2_ReadsThePlansOnceAndIncludesOlderFailures()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync();
            sim.Host.ClearRequests();
            var report = new RegistrationFailureReport(sim.Request(r => r.Days = 30));

            var rows = await report.SummariseAsync(connection, CancellationToken.None);

            Assert.Single(sim.Host.Requests, r => r.Path.StartsWith("/v1.0/organization", StringComparison.Ordinal));
            Assert.Equal(new[] { "AlreadyRegistered", "PasskeyTypeNotAllowed" }, rows.Where(r => r.UserPrincipalName == "GradyA@contoso.com").Select(r => r.Reason));
            Assert.DoesNotContain(Messages(report), m => m.Kind == EngineMessageKind.Warning);
        }

        [Fact]
        public async Task Summarise_FourteenDays_SeesOnlyTheNineDayOldFailure()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync();

            var rows = await new RegistrationFailureReport(sim.Request(r => r.Days = 14)).SummariseAsync(connection, CancellationToken.None);

            Assert.Equal(new[] { "PasskeyTypeNotAllowed" }, rows.Where(r => r.UserPrincipalName == "GradyA@contoso.com").Select(r => r.Reason));
        }

        [Fact]
        public async Task Summarise_FreeTenantThirtyDays_WarnsOnceAndReportsTheLastSevenDays()
        {
            await using var sim = await AuditSimulator.StartAsync(t => t["licence"] = "Free");
            using var connection = await sim.ConnectAsync();
            sim.Host.ClearRequests();
            var report = new RegistrationFailureReport(sim.Request(r => r.Days = 30));

            var rows = await report.SummariseAsync(connection, CancellationToken.None);

            var warning = Assert.Single(Messages(report), m => m.Kind == EngineMessageKind.Warning);
            Assert.Contains("no Microsoft Entra ID P1 or P2 licence", warning.Text);
            Assert.Contains("only 7 days", warning.Text);
            Assert.Equal(SampleWeek, rows.Select(r => (r.UserPrincipalName, r.Reason, r.Attempts, r.NeedsOutreach)));
            var audits = Assert.Single(sim.Host.Requests, r => r.Path.StartsWith("/v1.0/auditLogs", StringComparison.Ordinal));
            Assert.Contains($"activityDateTime ge {Text(sim.Now.AddDays(-7))}", Uri.UnescapeDataString(audits.Path));
        }

        [Fact]
        public async Task Summarise_FreeTenantWithoutOrganizationPermission_ReadsTheWholeWindowAndWarnsTheRetentionIsUnchecked()
        {
            await using var sim = await AuditSimulator.StartAsync(t => t["licence"] = "Free");
            using var connection = await sim.ConnectAsync("AuditLog.Read.All");
            sim.Host.ClearRequests();
            var report = new RegistrationFailureReport(sim.Request(r => r.Days = 30));

            await report.SummariseAsync(connection, CancellationToken.None);

            var messages = Messages(report);
            var warning = Assert.Single(messages, m => m.Kind == EngineMessageKind.Warning);
            Assert.Equal(
                $"Could not check how far back the audit log goes: the tenant's licence could not be read (that needs Organization.Read.All). Without Microsoft Entra ID P1 or P2 the log keeps only 7 days, so failures before {Text(sim.Now.AddDays(-7))} may be missing.",
                warning.Text);
            Assert.Contains(messages, m => m.Text.Contains("Could not read the tenant's licence plans", StringComparison.Ordinal));
            var audits = Assert.Single(sim.Host.Requests, r => r.Path.StartsWith("/v1.0/auditLogs", StringComparison.Ordinal));
            Assert.Contains($"activityDateTime ge {Text(sim.Now.AddDays(-30))}", Uri.UnescapeDataString(audits.Path));
        }

        /// <summary>Only a window reaching back beyond the 7 days every tenant keeps depends on the licence.</summary>
        [Theory]
        [InlineData(7, 0)]
        [InlineData(8, 1)]
        public async Task Summarise_LicenceUnreadable_WarnsOnlyWhenTheWindowIsLongerThanSevenDays(int days, int warnings)
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync("AuditLog.Read.All");
            var report = new RegistrationFailureReport(sim.Request(r => r.Days = days));

            await report.SummariseAsync(connection, CancellationToken.None);

            var warned = Messages(report).Where(m => m.Kind == EngineMessageKind.Warning).ToList();
            Assert.Equal(warnings, warned.Count);
            Assert.All(warned, m => Assert.Contains("Organization.Read.All", m.Text));
        }

        [Fact]
        public async Task Summarise_AuditLogsNeedingPremiumOnFree_IsOneLicenceRequiredError()
        {
            await using var sim = await AuditSimulator.StartAsync(t =>
            {
                t["licence"] = "Free";
                t["auditLogsRequirePremium"] = true;
            });
            using var connection = await sim.ConnectAsync();

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => new RegistrationFailureReport(sim.Request()).SummariseAsync(connection, CancellationToken.None));

            Assert.Equal("LicenceRequired", error.ErrorId);
            Assert.Equal(ErrorKind.LicenceRequired, error.Kind);
            Assert.Contains("Authentication_RequestFromNonPremiumTenantOrB2CTenant", error.Message);
            Assert.Contains("-WorkspaceId", error.RecommendedAction);
        }

        [Fact]
        public async Task Summarise_WithoutAuditLogReadAll_IsPermissionDeniedNamingIt()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync("User.Read.All");

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => new RegistrationFailureReport(sim.Request()).SummariseAsync(connection, CancellationToken.None));

            Assert.Equal("PermissionDenied", error.ErrorId);
            Assert.Contains("AuditLog.Read.All", error.Message);
        }

        [Fact]
        public async Task Summarise_FewUsers_OneServerSideFilteredQueryEach()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync();
            sim.Host.ClearRequests();

            var rows = await new RegistrationFailureReport(sim.Request(r => r.Users = new[] { Conor, Adele })).SummariseAsync(connection, CancellationToken.None);

            Assert.Equal(new[] { ("AdeleV@contoso.com", "AttestationFailed"), (Conor, "CancelledOrTimedOut") }, rows.Select(r => (r.UserPrincipalName, r.Reason)));
            var filters = sim.Host.Requests.Select(r => Uri.UnescapeDataString(r.Path)).ToList();
            Assert.Equal(2, filters.Count);
            Assert.Contains("initiatedBy/user/userPrincipalName eq 'o''brien@contoso.com'", filters[0]);
            Assert.Contains($"targetResources/any(t: t/id eq '{Adele}')", filters[1]);
        }

        [Fact]
        public async Task Summarise_ManyUsers_OneQueryNarrowedHere()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync();
            sim.Host.ClearRequests();
            var users = new[] { "MeganB@contoso.com", "LeeG@contoso.com", "GradyA@contoso.com", "LynneR@contoso.com", "AdeleV@contoso.com", "00000000-0000-0000-0000-000000000001" };

            var rows = await new RegistrationFailureReport(sim.Request(r => r.Users = users)).SummariseAsync(connection, CancellationToken.None);

            Assert.Equal(new[] { "AdeleV@contoso.com", "LeeG@contoso.com", "MeganB@contoso.com" }, rows.Select(r => r.UserPrincipalName));
            Assert.Single(sim.Host.Requests);
        }

        [Fact]
        public async Task ListAttempts_SampleWeek_PairsCountOnce()
        {
            var sim = _sample;
            using var connection = await sim.ConnectAsync();

            var attempts = await new RegistrationFailureReport(sim.Request()).ListAttemptsAsync(connection, CancellationToken.None);

            Assert.Equal(13, attempts.Count);
            var lee = Assert.Single(attempts, a => a.UserPrincipalName == "LeeG@contoso.com");
            Assert.Equal(2, lee.EventCount);
            Assert.Equal(1, lee.LikelyLayer);
            Assert.Equal("Authentication methods policy", lee.LayerName);
            Assert.Null(attempts.Single(a => a.Reason == "Unrecognised").LayerName);
            Assert.Equal(new[] { "User registered security info", "Add Passkey (device-bound)" }, lee.Activities);
            Assert.Equal(new[] { 1, 1, 2 }, attempts.Where(a => a.UserPrincipalName == "MeganB@contoso.com").Select(a => a.EventCount));
        }

        [Fact]
        public async Task Workspace_GivesTheSameReportAsGraph()
        {
            var sim = _sample;
            using var graph = await sim.ConnectAsync();
            using var workspace = await sim.ConnectToLogAnalyticsAsync();

            foreach (var days in new[] { 7, 30 })
            {
                var fromGraph = await new RegistrationFailureReport(sim.Request(r => r.Days = days)).SummariseAsync(graph, CancellationToken.None);
                var fromWorkspace = await new RegistrationFailureReport(sim.Request(r => WithWorkspace(r, sim, days))).SummariseAsync(workspace, CancellationToken.None);

                Assert.Equal(fromGraph.Select(Describe), fromWorkspace.Select(Describe));
            }
        }

        [Fact]
        public async Task Workspace_AttemptsUsersAndMinimum_MatchGraph()
        {
            var sim = _sample;
            using var graph = await sim.ConnectAsync();
            using var workspace = await sim.ConnectToLogAnalyticsAsync();
            void Narrow(RegistrationFailureRequest r)
            {
                r.Users = new[] { "MeganB@contoso.com", "LeeG@contoso.com", Conor };
                r.MinimumAttempts = 1;
            }

            var fromGraph = await new RegistrationFailureReport(sim.Request(Narrow)).ListAttemptsAsync(graph, CancellationToken.None);
            var fromWorkspace = await new RegistrationFailureReport(sim.Request(r => { Narrow(r); WithWorkspace(r, sim, 7); })).ListAttemptsAsync(workspace, CancellationToken.None);

            Assert.Equal(5, fromGraph.Count);
            Assert.Equal(
                fromGraph.Select(a => (a.Time, a.UserPrincipalName, a.Reason, a.ResultReason, a.Method, a.Aaguid, a.CorrelationId, a.EventCount, string.Join("|", a.Activities))),
                fromWorkspace.Select(a => (a.Time, a.UserPrincipalName, a.Reason, a.ResultReason, a.Method, a.Aaguid, a.CorrelationId, a.EventCount, string.Join("|", a.Activities))));

            var atLeastTwo = await new RegistrationFailureReport(sim.Request(r => { WithWorkspace(r, sim, 7); r.MinimumAttempts = 2; })).SummariseAsync(workspace, CancellationToken.None);
            Assert.Equal(new[] { "AdeleV@contoso.com", "MeganB@contoso.com" }, atLeastTwo.Select(r => r.UserPrincipalName));
        }

        [Fact]
        public async Task Workspace_WithAGraphToken_IsLogAnalyticsTokenUnavailable()
        {
            var sim = _sample;
            using var graph = await sim.ConnectAsync();
            sim.Host.ClearRequests();

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() =>
                new RegistrationFailureReport(sim.Request(r => WithWorkspace(r, sim, 7))).SummariseAsync(graph, CancellationToken.None));

            Assert.Equal("LogAnalyticsTokenUnavailable", error.ErrorId);
            Assert.Contains("https://graph.microsoft.com", error.Message);
            Assert.Contains("Connect-EntraPasskey", error.RecommendedAction);
            Assert.Empty(sim.Host.Requests);
        }

        [Fact]
        public async Task Workspace_CallerWithoutReaderRole_IsPermissionDeniedNamingTheRole()
        {
            var sim = _sample;
            using var workspace = await sim.ConnectToLogAnalyticsAsync(AuditSimulator.ReaderAppId);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() =>
                new RegistrationFailureReport(sim.Request(r => WithWorkspace(r, sim, 7))).SummariseAsync(workspace, CancellationToken.None));

            Assert.Equal("PermissionDenied", error.ErrorId);
            Assert.Contains("Log Analytics Reader", error.Message);
        }

        [Fact]
        public async Task Workspace_Unknown_IsWorkspaceNotFound()
        {
            var sim = _sample;
            using var workspace = await sim.ConnectToLogAnalyticsAsync();

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => new RegistrationFailureReport(sim.Request(r =>
            {
                WithWorkspace(r, sim, 7);
                r.WorkspaceId = Guid.NewGuid();
            })).SummariseAsync(workspace, CancellationToken.None));

            Assert.Equal("WorkspaceNotFound", error.ErrorId);
        }

        [Fact]
        public void Report_WindowTooWide_FailsBeforeAnyCall()
        {
            var error = Assert.Throws<EntraPasskeyException>(() => new RegistrationFailureReport(new RegistrationFailureRequest { Since = DateTimeOffset.UtcNow.AddDays(-45) }));

            Assert.Equal("WindowTooWide", error.ErrorId);
        }

        private static void WithWorkspace(RegistrationFailureRequest request, AuditSimulator sim, int days)
        {
            request.Days = days;
            request.WorkspaceId = Guid.Parse(AuditSimulator.WorkspaceId);
            request.LogAnalyticsEndpoint = sim.Host.GraphBaseUri;
        }

        private static string Describe(RegistrationFailureSummary r) =>
            string.Join(" | ", r.UserPrincipalName, r.UserId, r.Reason, r.Attempts, r.FirstSeen.ToString("O"), r.LastSeen.ToString("O"), r.Methods, r.Aaguids,
                r.Authenticators, r.LikelyLayer, r.Owner, r.NeedsOutreach, r.ResultReasons, r.CorrelationIds);

        private static EngineMessage[] Messages(RegistrationFailureReport report)
        {
            var messages = new System.Collections.Generic.List<EngineMessage>();
            while (report.Log.TryTake(out var message))
            {
                messages.Add(message);
            }

            return messages.ToArray();
        }

        private static string Text(DateTimeOffset time) => ReportWindow.Text(time);
    }
}
