using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Bootstrap;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using EntraPasskey.Engine.Transport;
using Xunit;

namespace EntraPasskey.Engine.Tests.Transport
{
    /// <summary>
    /// Faults between us and Graph (a reset connection, a reply that never comes, a body that is not Graph's JSON) cost
    /// a read another attempt, not a user's verdict; a write is never sent twice; what still fails says what came back.
    /// </summary>
    public sealed class GraphRetryHandlerTests : IClassFixture<SimulatorFixture>
    {
        private readonly SimulatorFixture _sim;

        public GraphRetryHandlerTests(SimulatorFixture sim)
        {
            _sim = sim;
            _sim.Host.Reset();
        }

        private string Adele => _sim.Upn["Adele Vance"];

        [Fact]
        public async Task UsersBatch_ResetOnce_IsSentAgainAndTheUserIsDiagnosed()
        {
            var damage = new Damage(1, Damage.IsUsersBatch, Damage.Reset);

            var result = await DiagnoseThroughAsync(damage, Adele);

            Assert.Null(result.Error);
            Assert.Equal(Verdict.Ready, result.Diagnosis!.Verdict);
            Assert.Equal((1, 2), (damage.Damaged, damage.Seen));
        }

        [Theory]
        [InlineData("html")]
        [InlineData("truncated")]
        public async Task MethodsPolicy_UnreadableOnce_IsReadAgain(string kind)
        {
            var damage = new Damage(1, e => e.PathAndQuery.StartsWith("/v1.0/policies/authenticationMethodsPolicy", StringComparison.Ordinal), kind == "html" ? Damage.Html : Damage.Truncated);

            var result = await DiagnoseThroughAsync(damage, Adele);

            Assert.Null(result.Error);
            Assert.Equal(2, damage.Seen);
        }

        [Fact]
        public async Task TargetedGroupsBatch_HtmlOnce_EveryUserIsStillDiagnosed()
        {
            var damage = new Damage(1, Damage.IsGroupsBatch, Damage.Html);
            var users = _sim.Upn.Values.Take(8).ToArray();

            var results = await DiagnoseThroughAsync(damage, users);

            Assert.All(results, r => Assert.Null(r.Error));
            Assert.Equal(users, results.Select(r => r.Input));
            Assert.Equal(1, damage.Damaged);
        }

        [Fact]
        public async Task ConditionalAccess_ResetOnce_IsReadAndLayer3IsNotLeftUnknown()
        {
            var damage = new Damage(1, e => e.PathAndQuery.StartsWith("/v1.0/identity/conditionalAccess/policies", StringComparison.Ordinal), Damage.Reset);
            using var proxy = new TamperingProxy(_sim.Host.GraphBaseUri, damage.Apply);
            using var connection = await _sim.ConnectViaAsync(proxy.Root);

            var tenant = await new TenantReader(connection, new EngineLog()).ReadTenantAsync(CancellationToken.None);

            Assert.Null(tenant.ConditionalAccess.Gap);
            Assert.Equal(2, damage.Seen);
        }

        [Fact]
        public async Task UsersBatch_HungPastTheTimeout_IsSentAgainAndOrderIsKept()
        {
            // The first users' batch answers only after 6 s; each attempt may take 2 s.
            var damage = new Damage(1, Damage.IsUsersBatch, e => e with { DelayMs = 6_000 });
            var users = _sim.Upn.Values.Take(13).ToArray();
            var patient = new RetryPolicy { ReadTimeout = TimeSpan.FromSeconds(2), FirstBackoff = TimeSpan.FromMilliseconds(5) };

            using var proxy = new TamperingProxy(_sim.Host.GraphBaseUri, damage.Apply);
            using var connection = await TestTokens.ConnectAsync(_sim.Host.IssueToken(SimulatorFixture.AllReadRoles), proxy.Root, retries: patient);

            var results = SimulatorFixture.DiagnoseAll(connection, users);

            Assert.Equal(users, results.Select(r => r.Input));
            Assert.All(results, r => Assert.Null(r.Error));
            Assert.Equal(1, damage.Damaged);
            Assert.Equal(1, proxy.Abandoned);
        }

        [Fact]
        public async Task ReadThatNeverAnswersInTime_IsGraphTimeoutAfterTheAttempts()
        {
            var damage = new Damage(int.MaxValue, Damage.IsUsersBatch, e => e with { DelayMs = 6_000 });
            var hurried = new RetryPolicy { MaxAttempts = 2, ReadTimeout = TimeSpan.FromSeconds(2), FirstBackoff = TimeSpan.FromMilliseconds(5) };

            var result = await DiagnoseThroughAsync(damage, Adele, hurried);

            // The batch that timed out went again as two: the account and methods (answered), the memberships (hung again).
            Assert.Equal(("GraphTimeout", ErrorKind.Timeout), (result.Error!.ErrorId, result.Error.Kind));
            Assert.Equal("Microsoft Graph did not answer in time to read the user's group memberships: no reply within 2 s (2 attempts).", result.Error.Message);
            Assert.Equal(2, damage.Seen);
        }

        [Fact]
        public async Task UsersBatch_OneUsersReadsAlwaysHung_TheOtherUsersInItsBatchAreDiagnosed()
        {
            // Every $batch holding a read of Adele answers after 6 s. A batch that times out goes again as two halves,
            // so her reads end up alone and the users read beside her are not held with her. (The first user of a run
            // is read alone, at once; the next six share a batch.)
            var adele = Adele.Split('@')[0];
            var damage = new Damage(int.MaxValue, e => Damage.IsBatch(e) && e.RequestBody.Contains(adele, StringComparison.OrdinalIgnoreCase), e => e with { DelayMs = 6_000 });
            var others = _sim.Upn.Values.Where(u => u != Adele).Take(6).ToArray();
            var users = others.Take(3).Append(Adele).Concat(others.Skip(3)).ToArray();
            var hurried = new RetryPolicy { ReadTimeout = TimeSpan.FromMilliseconds(500), FirstBackoff = TimeSpan.FromMilliseconds(5) };

            var results = await DiagnoseThroughAsync(damage, users, hurried);

            Assert.Equal(users, results.Select(r => r.Input));
            Assert.Equal("Microsoft Graph did not answer in time to read the user: no reply within 0.5 s (5 attempts).", results[3].Error?.Message);
            Assert.All(results.Where(r => r.Input != Adele), r => Assert.Null(r.Error));
        }

        [Fact]
        public async Task ReadResetEveryTime_IsGraphUnreachableAfterFiveAttempts()
        {
            var damage = new Damage(int.MaxValue, Damage.IsUsersBatch, Damage.Reset);

            var result = await DiagnoseThroughAsync(damage, Adele);

            Assert.Equal(("GraphUnreachable", ErrorKind.ServiceUnavailable), (result.Error!.ErrorId, result.Error.Kind));
            Assert.Equal("Could not reach Microsoft Graph to read the user: the connection was closed before Graph answered (5 attempts).", result.Error.Message);
            Assert.Equal(5, damage.Seen);
        }

        [Fact]
        public async Task NothingListening_FailsAtOnceWithoutRetrying()
        {
            using var connection = await TestTokens.ConnectAsync(_sim.Host.IssueToken(SimulatorFixture.AllReadRoles), new Uri($"http://127.0.0.1:{TestTokens.FreePort()}/"));

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { Adele }).Single();

            Assert.Equal("GraphUnreachable", result.Error!.ErrorId);
            Assert.DoesNotContain("attempts", result.Error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task IssuingAPass_ResetConnection_IsNeverSentTwice()
        {
            var damage = new Damage(int.MaxValue, e => e.Method == "POST" && e.PathAndQuery.EndsWith("/temporaryAccessPassMethods", StringComparison.Ordinal), Damage.Reset);
            using var proxy = new TamperingProxy(_sim.Host.GraphBaseUri, damage.Apply);
            using var connection = await _sim.ConnectViaAsync(proxy.Root, "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.ReadWrite.All", "Policy.Read.All");
            var issuer = new TapIssuer(connection);
            var plan = await issuer.PlanAsync(_sim.Upn["Nestor Wilke"], new BootstrapTapRequest(null, null, true, false), CancellationToken.None);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => issuer.IssueAsync(plan, CancellationToken.None));

            Assert.Equal("GraphUnreachable", error.ErrorId);
            Assert.Equal(1, damage.Seen);
        }

        private async Task<DiagnosisResult<PasskeyDiagnosis>> DiagnoseThroughAsync(Damage damage, string user, RetryPolicy? retries = null) =>
            (await DiagnoseThroughAsync(damage, new[] { user }, retries)).Single();

        private async Task<System.Collections.Generic.IReadOnlyList<DiagnosisResult<PasskeyDiagnosis>>> DiagnoseThroughAsync(Damage damage, string[] users, RetryPolicy? retries = null)
        {
            using var proxy = new TamperingProxy(_sim.Host.GraphBaseUri, damage.Apply);
            using var connection = await TestTokens.ConnectAsync(_sim.Host.IssueToken(SimulatorFixture.AllReadRoles), proxy.Root, retries: retries ?? TestTokens.QuickRetries);
            return SimulatorFixture.DiagnoseAll(connection, users);
        }
    }
}
