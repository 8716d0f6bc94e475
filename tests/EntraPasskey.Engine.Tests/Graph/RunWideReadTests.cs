using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Rules.MfaBootstrap;
using EntraPasskey.Engine.Tests.Fixtures;
using EntraPasskey.Engine.Tests.Diagnosis;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>
    /// A tenant-wide read that still fails after the transport's retries costs only the users waiting on it: the
    /// next users read it again. A lasting failure (no permission) is not read again.
    /// </summary>
    public sealed class RunWideReadTests : IClassFixture<SimulatorFixture>
    {
        private const string ConditionalAccess = "/v1.0/identity/conditionalAccess/policies";
        private const string SignIns = "/beta/auditLogs/signIns";
        private readonly SimulatorFixture _sim;

        public RunWideReadTests(SimulatorFixture sim)
        {
            _sim = sim;
            _sim.Host.Reset();
        }

        private string Adele => _sim.Upn["Adele Vance"];

        [Fact]
        public async Task ConditionalAccessFailingThroughAWholeRead_IsReadAgainForTheNextUsers()
        {
            // Every attempt of the first read is reset; the second read gets through.
            var damage = new Damage(TestTokens.QuickRetries.MaxAttempts, e => e.PathAndQuery.StartsWith(ConditionalAccess, StringComparison.Ordinal), Damage.Reset);
            using var proxy = new TamperingProxy(_sim.Host.GraphBaseUri, damage.Apply);
            using var connection = await _sim.ConnectViaAsync(proxy.Root);
            using var session = DiagnosisSession.ForRegistration(connection, AttemptHints.None, null, CancellationToken.None);

            var first = DiagnoseNext(session, Adele);
            var second = DiagnoseNext(session, Adele);

            Assert.Equal(ConditionalAccessUnavailableRule.Code, first.Diagnosis!.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
            Assert.NotEqual(ConditionalAccessUnavailableRule.Code, second.Diagnosis!.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
            Assert.Equal(Verdict.Ready, second.Diagnosis.Verdict);
            Assert.Equal(TestTokens.QuickRetries.MaxAttempts + 1, damage.Seen);
        }

        [Fact]
        public async Task TargetedGroupsFailingThroughAWholeRead_FailOnlyTheUsersWaitingOnThem()
        {
            var damage = new Damage(TestTokens.QuickRetries.MaxAttempts, Damage.IsGroupsBatch, Damage.Html);
            using var proxy = new TamperingProxy(_sim.Host.GraphBaseUri, damage.Apply);
            using var connection = await _sim.ConnectViaAsync(proxy.Root);
            using var session = DiagnosisSession.ForRegistration(connection, AttemptHints.None, null, CancellationToken.None);

            var first = DiagnoseNext(session, Adele);
            var second = DiagnoseNext(session, Adele);

            Assert.Equal("GraphReplyUnreadable", first.Error!.ErrorId);
            Assert.Null(second.Error);
            Assert.Equal(Verdict.Ready, second.Diagnosis!.Verdict);
        }

        [Fact]
        public async Task ConditionalAccessDeniedForGood_IsNotReadAgain()
        {
            using var connection = await _sim.ConnectAsync("User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.AuthenticationMethod", "AuditLog.Read.All");
            using var session = DiagnosisSession.ForRegistration(connection, AttemptHints.None, null, CancellationToken.None);
            _sim.Host.ClearRequests();

            var first = DiagnoseNext(session, Adele);
            var second = DiagnoseNext(session, Adele);

            Assert.Equal(ConditionalAccessUnavailableRule.Code, first.Diagnosis!.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
            Assert.Equal(ConditionalAccessUnavailableRule.Code, second.Diagnosis!.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
            Assert.Single(_sim.Host.Requests, r => r.Path.StartsWith(ConditionalAccess, StringComparison.Ordinal));
        }

        [Fact]
        public async Task FirstSignInPageFailingThroughAWholeRead_DoesNotPutTheRunOnPerUserReads()
        {
            const int Users = 40;
            await using var host = await PlannerHarness.StartAsync(users: Users);
            var ids = await PlannerHarness.UserIdsAsync(host);
            var damage = new Damage(TestTokens.QuickRetries.MaxAttempts, IsTenantFirstPage, Damage.Reset);
            using var proxy = new TamperingProxy(host.GraphBaseUri, damage.Apply);
            using var connection = await TestTokens.ConnectAsync(host.IssueToken(PlannerHarness.Roles), proxy.Root, retries: TestTokens.QuickRetries);

            var results = SimulatorFixture.DiagnoseAll(connection, ids);

            Assert.Equal(ids, results.Select(r => r.Input));
            Assert.All(results, r => Assert.Null(r.Error));
            var perUser = host.Requests.Count(r => r.Path.StartsWith(SignIns, StringComparison.Ordinal) && r.Path.Contains("userId%20eq", StringComparison.Ordinal));
            // The burst and the one chunk whose probe failed read their own; everyone after takes the tenant's window.
            Assert.InRange(perUser, 1, SignInPlan.PerUserBurst + 2 * UserReader.UsersPerBatch);
            Assert.Equal(TestTokens.QuickRetries.MaxAttempts + 1, damage.Seen);
        }

        private static bool IsTenantFirstPage(Exchange e) =>
            e.PathAndQuery.StartsWith(SignIns, StringComparison.Ordinal)
            && !e.PathAndQuery.Contains("userId%20eq", StringComparison.Ordinal)
            && !e.PathAndQuery.Contains("skiptoken", StringComparison.OrdinalIgnoreCase);

        /// <summary>Submits one user and waits for their result, so the next user is read after it.</summary>
        private static DiagnosisResult<PasskeyDiagnosis> DiagnoseNext(DiagnosisSession<PasskeyDiagnosis> session, string user)
        {
            session.Submit(user);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline)
            {
                if (session.TryTake(out var result))
                {
                    return result;
                }

                session.WaitForProgress(TimeSpan.FromMilliseconds(200));
            }

            throw new TimeoutException($"No result for {user}.");
        }
    }
}
