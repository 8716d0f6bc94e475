using System;
using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using GraphSimulator;
using Xunit;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>A run under Graph's budgets, latency and jitter: retries honour Retry-After, order and verdicts hold.</summary>
    public sealed class ThrottledRunTests
    {
        [Fact]
        public async Task ThrottledBatchItem_IsRetriedAfterItsRetryAfter_AndEveryVerdictArrives()
        {
            // 20 resource units per 10 s: the policy and six users' reads (19 units) leave too little for the target
            // groups' names, so some $batch items come back 429 inside a 200 envelope.
            // The module's reports budget keeps real time here: the retries are timed against the simulator's clock.
            await using var host = await PlannerHarness.StartAsync(users: 60, new ThrottlingOptions { Enabled = true, ResourceUnitsPer10Seconds = 20 });
            var ids = (await PlannerHarness.UserIdsAsync(host)).Take(6).ToList();
            using var connection = await PlannerHarness.ConnectAsync(host, new ReportsBudget());

            var results = SimulatorFixture.DiagnoseAll(connection, ids);

            Assert.Equal(ids, results.Select(r => r.Input));
            Assert.All(results, r => Assert.Null(r.Error));
            var log = host.Requests;
            var throttled = log.Where(r => r.InBatch && r.Throttled).ToList();
            Assert.NotEmpty(throttled);
            Assert.All(throttled, t =>
            {
                Assert.Equal(429, t.Status);
                Assert.NotNull(t.RetryAfterSeconds);
                var retry = log.FirstOrDefault(r => r.Path == t.Path && r.Status == 200 && r.Time > t.Time);
                Assert.NotNull(retry);
                Assert.True(retry!.Time - t.Time >= TimeSpan.FromSeconds(t.RetryAfterSeconds!.Value - 0.1),
                    $"{t.Path} was retried {(retry.Time - t.Time).TotalSeconds:F2} s after a 429 that said Retry-After: {t.RetryAfterSeconds}");
            });
        }

        [Fact]
        public async Task UnderRandomLatencyAndThrottling_ResultsComeBackInInputOrder_PolicyReadOnce()
        {
            // The simulator and the module's reports budget share one simulated clock: the budget's waits move it.
            var clock = new SimulatedClock();
            await using var host = await PlannerHarness.StartAsync(users: 200, new ThrottlingOptions { Enabled = true }, latencyMs: 2, jitterMs: 40, seed: 5, clock: clock);
            var ids = await PlannerHarness.UserIdsAsync(host);
            var shuffled = ids.OrderBy(_ => Guid.NewGuid()).ToList();
            var inputs = shuffled.Take(150).Concat(new[] { "ghost@fabrikam.com", shuffled[3] }).Concat(shuffled.Skip(150)).ToList();
            using var connection = await PlannerHarness.ConnectAsync(host, clock.ReportsBudget());

            var results = SimulatorFixture.DiagnoseAll(connection, inputs);

            Assert.Equal(inputs, results.Select(r => r.Input));
            Assert.Equal("UserNotFound", results[150].Error!.ErrorId);
            Assert.Equal(inputs.Count - 1, results.Count(r => r.Diagnosis != null));
            Assert.Equal(1, host.Requests.Count(r => r.Path.StartsWith("/v1.0/policies/authenticationMethodsPolicy", StringComparison.Ordinal)));
            // Sign-ins are paced on the reports budget (5 / 10 s), so Graph never has to refuse one.
            Assert.Contains(host.Requests, r => r.Budget == "reports");
            Assert.DoesNotContain(host.Requests, r => r.Budget == "reports" && r.Status == 429);
        }

        [Fact]
        public async Task BulkAndOneByOne_GiveIdenticalVerdicts()
        {
            // Bulk reads the tenant's sign-ins once; one by one reads each user's. The generator gives its first ten
            // users one cause each, so the one-by-one sample covers every cause.
            // A busy tenant (24 sign-ins per user a day): the hour the reader searches holds MFA sign-ins older than 5 minutes.
            await using var host = await PlannerHarness.StartAsync(users: 200, signInsPerDay: 24);
            var ids = await PlannerHarness.UserIdsAsync(host);
            using var connection = await PlannerHarness.ConnectAsync(host);
            var sample = ids.Take(12).ToList();

            var bulk = SimulatorFixture.DiagnoseAll(connection, ids);
            var oneByOne = sample.Select(id => SimulatorFixture.DiagnoseAll(connection, new[] { id }).Single()).ToList();

            Assert.Equal(ids.Count, bulk.Count);
            Assert.Contains(host.Requests, r => r.Path.StartsWith("/beta/auditLogs/signIns", StringComparison.Ordinal) && !r.Path.Contains("userId%20eq", StringComparison.Ordinal));
            Assert.Equal(
                oneByOne.Select(r => PlannerHarness.Signature(r.Diagnosis!)),
                bulk.Take(sample.Count).Select(r => PlannerHarness.Signature(r.Diagnosis!)));
            // Generated sign-ins are hours or days old: users with nothing to fix are Ready, told to sign in again at layer 4.
            Assert.Contains(bulk, r => r.Diagnosis!.Verdict == Verdict.Ready && r.Diagnosis.Findings[PasskeyLayer.RecentMfaSession].ReasonCode == "MfaSessionStale");
            // A realistic mix: besides Ready and Blocked, a single passkey with no backup is AtRisk.
            Assert.Contains(bulk, r => r.Diagnosis!.Verdict == Verdict.AtRisk && r.Diagnosis.ReasonCode == "SinglePasskeyNoBackup" && r.Diagnosis.Layer == 3);
            Assert.True(bulk.Select(r => r.Diagnosis!.ReasonCode).Distinct().Count() >= 5, "the tenant should produce every layer-1 and layer-3 cause");
        }
    }
}
