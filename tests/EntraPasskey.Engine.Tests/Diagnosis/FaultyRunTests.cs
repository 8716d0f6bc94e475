using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Tests.Fixtures;
using EntraPasskey.Engine.Transport;
using GraphSimulator;
using Xunit;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>
    /// A bulk run through every fault the simulator can inject gives the verdicts of the same run without faults: one
    /// result per input, in input order, and no error for a fault that passes when the request is sent again.
    /// </summary>
    public sealed class FaultyRunTests
    {
        private const int Users = 300;
        private const int Seed = 11;

        /// <summary>
        /// Every kind the simulator has, 3 % each: about one top-level request in four and one $batch item in five is
        /// damaged, and a $batch of 20 reads has one chance in two of holding a slow item. Retry-After is Graph's 1 s,
        /// shortened by <see cref="Retries"/>' longest wait.
        /// </summary>
        private static readonly FaultOptions EveryKind = new FaultOptions
        {
            ThrottledRate = 0.03,
            ThrottledWithoutRetryAfterRate = 0.03,
            ServiceUnavailableRate = 0.03,
            GatewayTimeoutRate = 0.03,
            ConnectionResetRate = 0.03,
            SlowResponseRate = 0.03,
            HtmlBodyRate = 0.03,
            TruncatedBodyRate = 0.03,
            DroppedItemRate = 0.03,
            RewrittenItemRate = 0.03,
            SlowResponseMs = 1_000,
        };

        /// <summary>Millisecond waits, and an attempt timeout well short of a slow reply so that a slow reply is a timeout.</summary>
        private static readonly RetryPolicy Retries = new RetryPolicy
        {
            MaxAttempts = 10,
            FirstBackoff = TimeSpan.FromMilliseconds(5),
            MaxWait = TimeSpan.FromMilliseconds(50),
            ReadTimeout = TimeSpan.FromMilliseconds(300),
            ReportTimeout = TimeSpan.FromMilliseconds(300),
        };

        [Fact]
        public async Task EveryFaultKind_GivesTheFaultFreeVerdicts_OneResultPerInputInOrder()
        {
            var now = DateTimeOffset.UtcNow;
            var clean = await RunAsync(faults: null, now, ids: null);
            var faulty = await RunAsync(EveryKind, now, clean.Inputs);

            foreach (var kind in new[] { "429", "429-no-retry-after", "503", "504", "reset", "slow", "html", "truncated", "drop", "rewrite" })
            {
                Assert.True(faulty.Faults.TryGetValue(kind, out var count) && count > 0, $"no '{kind}' fault was injected: {Describe(faulty.Faults)}");
            }

            Assert.Empty(clean.Faults);
            Assert.All(clean.Results, r => Assert.Null(r.Error));
            var errors = faulty.Results.Where(r => r.Error != null).Select(r => $"{r.Input}: {r.Error!.ErrorId}: {r.Error.Message}").ToList();
            Assert.True(errors.Count == 0, $"{errors.Count} errors for transient faults ({Describe(faulty.Faults)}):\n{string.Join("\n", errors)}");
            // One result per input, in input order: nothing lost, nothing twice.
            Assert.Equal(clean.Inputs, faulty.Results.Select(r => r.Input));
            Assert.Equal(
                clean.Results.Select(r => $"{r.Input} {PlannerHarness.Signature(r.Diagnosis!)}"),
                faulty.Results.Select(r => $"{r.Input} {PlannerHarness.Signature(r.Diagnosis!)}"));
        }

        private static string Describe(IReadOnlyDictionary<string, long> faults) =>
            string.Join(", ", faults.Select(f => $"{f.Key} {f.Value}"));

        /// <param name="ids">The inputs; null to list the tenant's users (only from a simulator without faults).</param>
        private static async Task<Run> RunAsync(FaultOptions? faults, DateTimeOffset now, IReadOnlyList<string>? ids)
        {
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
            {
                Generate = new GenerationOptions { Users = Users, Seed = Seed, SignInsPerUserPerDay = PlannerHarness.SignInsPerDay },
                Seed = Seed,
                Faults = faults,
                FixedNow = now,
            });
            ids ??= await PlannerHarness.UserIdsAsync(host);
            using var connection = await TestTokens.ConnectAsync(host.IssueToken(PlannerHarness.Roles), host.GraphBaseUri, retries: Retries);

            var results = SimulatorFixture.DiagnoseAll(connection, ids, () => now);

            var injected = host.Stats()["faults"]!.AsObject().ToDictionary(f => f.Key, f => (long)f.Value!);
            return new Run(ids, results, injected);
        }

        private sealed record Run(IReadOnlyList<string> Inputs, IReadOnlyList<DiagnosisResult<PasskeyDiagnosis>> Results, IReadOnlyDictionary<string, long> Faults);
    }
}
