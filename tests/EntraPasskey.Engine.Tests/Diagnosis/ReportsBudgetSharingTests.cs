using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using EntraPasskey.Engine.Transport;
using GraphSimulator;
using Xunit;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>
    /// The reports budget (5 requests / 10 s) belongs to the app and tenant: everything in the process that reads
    /// reports with them waits in one queue, no request goes past it, and identity reads never wait for it.
    /// </summary>
    public sealed class ReportsBudgetSharingTests
    {
        private const string OtherAppId = "5b3d8a2e-94c1-4f7a-b0e6-2c9d4f1a7e38";

        [Fact]
        public async Task ConnectionsToTheSameAppAndTenant_ShareOneBudget_AnotherAppHasItsOwn()
        {
            await using var host = await PlannerHarness.StartAsync(users: 20);
            var token = host.IssueToken(PlannerHarness.Roles);

            using var first = await ConnectSharedAsync(token, host);
            using var second = await ConnectSharedAsync(host.IssueToken(PlannerHarness.Roles), host);
            using var otherApp = await ConnectSharedAsync(host.IssueToken(PlannerHarness.Roles, OtherAppId), host);

            Assert.Same(first.Reports, second.Reports);
            Assert.NotSame(first.Reports, otherApp.Reports);
        }

        [Fact]
        public async Task TwoBulkRunsAndAuditReads_OnOneBudget_EveryRequestTakesATurn_NoSixInAWindow()
        {
            // A simulated clock the budget's waits move (to the end of the wait, however many wait at once), so nothing
            // sleeps; every turn granted is recorded, and every reports request that reached Graph must have had one.
            var start = DateTimeOffset.UtcNow;
            long ahead = 0;
            var turns = new List<DateTimeOffset>();
            DateTimeOffset Now() => start.AddTicks(Interlocked.Read(ref ahead));
            var budget = new ReportsBudget(
                Now,
                (wait, cancellationToken) =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var target = (Now() + wait - start).Ticks;
                    for (var seen = Interlocked.Read(ref ahead); seen < target; seen = Interlocked.Read(ref ahead))
                    {
                        Interlocked.CompareExchange(ref ahead, target, seen);
                    }

                    return Task.CompletedTask;
                },
                at =>
                {
                    lock (turns)
                    {
                        turns.Add(at);
                    }
                });
            await using var host = await PlannerHarness.StartAsync(users: 120);
            var ids = await PlannerHarness.UserIdsAsync(host);
            using var first = await PlannerHarness.ConnectAsync(host, budget);
            using var second = await PlannerHarness.ConnectAsync(host, budget);

            var runs = new[]
            {
                Task.Run(() => SimulatorFixture.DiagnoseAll(first, ids, signInPageSize: 5)),
                Task.Run(() => SimulatorFixture.DiagnoseAll(second, ids.Reverse(), signInPageSize: 5)),
            };
            var audits = Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).Graph.AuditLogs.DirectoryAudits.GetAsync()).ToList();
            var results = await Task.WhenAll(runs);
            await Task.WhenAll(audits);

            Assert.All(results, run => Assert.Equal(ids.Count, run.Count(r => r.Diagnosis != null)));
            var reports = host.Requests.Count(r => r.Path.Contains("/auditLogs/", StringComparison.Ordinal));
            Assert.True(reports > 2 * ReportsBudget.Requests, $"only {reports} reports requests: the budget was never tested");
            Assert.Equal(reports, turns.Count);
            var granted = turns.OrderBy(t => t).ToList();
            for (var i = ReportsBudget.Requests; i < granted.Count; i++)
            {
                var span = granted[i] - granted[i - ReportsBudget.Requests];
                Assert.True(span >= ReportsBudget.Window, $"turns {i - ReportsBudget.Requests} to {i} were granted within {span.TotalSeconds:F2} s");
            }
        }

        [Fact]
        public async Task WhileSignInsWaitForTheBudget_IdentityBatchesKeepFlowing_AndOrderIsKept()
        {
            // A budget whose clock stands still until the test opens the gate: after its first five requests every
            // reports request waits, as in the first seconds of a large run.
            const int Users = 200;
            var gate = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var start = DateTimeOffset.UtcNow;
            long ahead = 0;
            var budget = new ReportsBudget(
                () => start.AddTicks(Interlocked.Read(ref ahead)),
                async (wait, cancellationToken) =>
                {
                    await gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                    Interlocked.Add(ref ahead, wait.Ticks);
                });
            await using var host = await PlannerHarness.StartAsync(users: Users);
            var ids = await PlannerHarness.UserIdsAsync(host);
            using var connection = await PlannerHarness.ConnectAsync(host, budget);

            using var session = DiagnosisSession.ForRegistration(connection, AttemptHints.None, null, 5, CancellationToken.None);
            foreach (var id in ids)
            {
                session.Submit(id);
            }

            session.CompleteInput();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (UsersRead(host) < Users && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            var usersReadWhileWaiting = UsersRead(host);
            var reportsWhileWaiting = host.Requests.Count(r => r.Path.Contains("/auditLogs/", StringComparison.Ordinal));
            var taken = new List<DiagnosisResult<PasskeyDiagnosis>>();
            while (session.TryTake(out var early))
            {
                taken.Add(early);
            }

            var takenWhileWaiting = taken.Count;
            gate.SetResult(true);
            deadline = DateTime.UtcNow.AddSeconds(60);
            while (taken.Count < Users && DateTime.UtcNow < deadline)
            {
                if (session.TryTake(out var result))
                {
                    taken.Add(result);
                }
                else
                {
                    session.WaitForProgress(TimeSpan.FromMilliseconds(100));
                }
            }

            Assert.Equal(Users, usersReadWhileWaiting);
            // Only users whose sign-ins came within the budget's first five requests (their own reads) can be out.
            Assert.InRange(takenWhileWaiting, 0, ReportsBudget.Requests);
            Assert.Equal(ReportsBudget.Requests, reportsWhileWaiting);
            Assert.Equal(ids, taken.Select(r => r.Input));
            Assert.All(taken, r => Assert.NotNull(r.Diagnosis));
            Assert.True(host.Requests.Count(r => r.Path.Contains("/auditLogs/", StringComparison.Ordinal)) > ReportsBudget.Requests);
        }

        /// <summary>Users whose identity reads (account, methods, groups) Graph has answered.</summary>
        private static int UsersRead(SimulatorHost host) =>
            host.Requests.Count(r => r.InBatch && r.Path.Contains("/authentication/methods", StringComparison.Ordinal));

        private static Task<EntraPasskeyConnection> ConnectSharedAsync(string token, SimulatorHost host) =>
            EntraPasskeyConnection.ConnectAsync(
                new ConnectionRequest { Mode = ConnectionMode.AccessToken, AccessToken = TestTokens.Secure(token), GraphEndpoint = host.GraphBaseUri },
                null,
                RetryPolicy.Default,
                CancellationToken.None);
    }
}
