using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Audit;
using EntraPasskey.Engine.Bootstrap;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>
    /// Replies a well-behaved Graph does not give but a broken proxy or an outage can: each one is a clear error with
    /// a stable id for the user it concerns (or an Unknown finding for optional evidence), never a stack trace.
    /// </summary>
    public sealed class OddGraphRepliesTests : IClassFixture<SimulatorFixture>
    {
        private static readonly string[] IssuerRoles =
        {
            "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.ReadWrite.All", "Policy.Read.All",
        };

        private readonly SimulatorFixture _sim;

        public OddGraphRepliesTests(SimulatorFixture sim)
        {
            _sim = sim;
            _sim.Host.Reset();
        }

        [Fact]
        public async Task EmptyMethodsPolicy_EveryUserGetsPolicyUnreadable()
        {
            var result = await DiagnoseThroughAsync(e => e.PathAndQuery.StartsWith("/v1.0/policies/authenticationMethodsPolicy", StringComparison.Ordinal) ? e with { Status = 204, Body = "" } : e);

            Assert.Null(result.Diagnosis);
            Assert.Equal(("PolicyUnreadable", ErrorKind.ServiceUnavailable), (result.Error!.ErrorId, result.Error.Kind));
            Assert.Equal(_sim.Upn["Adele Vance"], result.Error.Target);
        }

        [Fact]
        public async Task UserWithoutAnId_IsUserUnreadable()
        {
            var result = await DiagnoseThroughAsync(e => IsBatch(e) ? e with { Body = RewriteItems(e.Body, "u", item => item["body"] = new JsonObject()) } : e);

            Assert.Equal(("UserUnreadable", ErrorKind.ServiceUnavailable), (result.Error!.ErrorId, result.Error.Kind));
            Assert.Equal($"Microsoft Graph returned no id for user '{_sim.Upn["Adele Vance"]}'.", result.Error.Message);
        }

        [Fact]
        public async Task BatchReplyMissingAnItem_IsGraphUnavailableNamingIt()
        {
            var result = await DiagnoseThroughAsync(e => IsBatch(e) ? e with { Body = DropItems(e.Body, "m") } : e);

            Assert.Equal("GraphUnavailable", result.Error!.ErrorId);
            Assert.Contains("BatchItemMissing: The $batch reply did not include this request.", result.Error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task BatchReplyThatIsNeverJson_IsGraphReplyUnreadableSayingWhatCameBack()
        {
            var result = await DiagnoseThroughAsync(e => IsBatch(e) ? e with { Body = "<html>proxy error</html>" } : e);

            Assert.Equal(("GraphReplyUnreadable", ErrorKind.ServiceUnavailable), (result.Error!.ErrorId, result.Error.Kind));
            // The first $batch to fail is the tenant's: the one naming the groups the policies target.
            Assert.Equal("Microsoft Graph's reply could not be read while trying to read the groups the policy targets: it was an HTML page (5 attempts).", result.Error.Message);
            Assert.Equal(_sim.Upn["Adele Vance"], result.Error.Target);
        }

        [Fact]
        public async Task UserThatIsNeverAnObject_IsGraphReplyUnreadableWithoutTheParsersWords()
        {
            var result = await DiagnoseThroughAsync(e => IsBatch(e) ? e with { Body = RewriteItems(e.Body, "u", item => item["body"] = "not a user") } : e);

            Assert.Equal(("GraphReplyUnreadable", ErrorKind.ServiceUnavailable), (result.Error!.ErrorId, result.Error.Kind));
            Assert.Equal("Microsoft Graph's reply could not be read while trying to read the user: it was not JSON.", result.Error.Message);
            Assert.Equal(_sim.Upn["Adele Vance"], result.Error.Target);
        }

        [Fact]
        public async Task SignInPageLinkingToItself_LeavesLayer4UnknownWithGraphPagingFailedsWords()
        {
            TamperingProxy? proxy = null;
            var result = await DiagnoseThroughAsync(
                e => e.PathAndQuery.StartsWith("/beta/auditLogs/signIns", StringComparison.Ordinal) ? e with { Body = LinkingTo(e.Body, proxy!.Root, e.PathAndQuery) } : e,
                created => proxy = created);

            var finding = result.Diagnosis!.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal(FindingStatus.Unknown, finding.Status);
            Assert.Equal("SignInLogsUnavailable", finding.ReasonCode);
            Assert.Contains("Microsoft Graph returned the same sign-in page twice.", finding.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task AuditPageLinkingToItself_IsGraphPagingFailed()
        {
            TamperingProxy? proxy = null;
            using var created = new TamperingProxy(_sim.Host.GraphBaseUri, e =>
                e.PathAndQuery.StartsWith("/v1.0/auditLogs/directoryAudits", StringComparison.Ordinal) ? e with { Body = LinkingTo(e.Body, proxy!.Root, e.PathAndQuery) } : e);
            proxy = created;
            using var connection = await _sim.ConnectViaAsync(proxy.Root, "AuditLog.Read.All");
            var reader = new DirectoryAuditReader(connection.Graph, new EngineLog());

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() =>
                reader.ReadAsync<AuditEvent>("loggedByService eq 'Authentication Methods'", 50, a => a, CancellationToken.None));

            Assert.Equal(("GraphPagingFailed", ErrorKind.ServiceUnavailable), (error.ErrorId, error.Kind));
            Assert.Equal("Microsoft Graph returned the same page of the directory audit log twice.", error.Message);
        }

        [Fact]
        public async Task CreatedPassWithoutItsValue_IsTapValueMissing()
        {
            var error = await IssueThroughAsync(e => IsTapCreate(e) ? e with { Body = Without(e.Body, "temporaryAccessPass") } : e);

            Assert.Equal(("TapValueMissing", ErrorKind.ServiceUnavailable), (error.ErrorId, error.Kind));
            Assert.Contains("did not return its value", error.Message, StringComparison.Ordinal);
            Assert.Contains("-Force", error.RecommendedAction, StringComparison.Ordinal);
        }

        [Fact]
        public async Task CreateReplyThatIsNotJson_IsTapIssueFailedWithoutQuotingTheReply()
        {
            const string reply = "{\"temporaryAccessPass\":\"Secret-9999\", broken";

            var error = await IssueThroughAsync(e => IsTapCreate(e) ? e with { Body = reply } : e);

            Assert.Equal(("TapIssueFailed", ErrorKind.InvalidOperation), (error.ErrorId, error.Kind));
            Assert.DoesNotContain("Secret-9999", error.Message + error.RecommendedAction, StringComparison.Ordinal);
            Assert.Null(error.InnerException);
        }

        private async Task<DiagnosisResult<PasskeyDiagnosis>> DiagnoseThroughAsync(Func<Exchange, Exchange> tamper, Action<TamperingProxy>? created = null)
        {
            using var proxy = new TamperingProxy(_sim.Host.GraphBaseUri, tamper);
            created?.Invoke(proxy);
            using var connection = await _sim.ConnectViaAsync(proxy.Root);
            return SimulatorFixture.DiagnoseAll(connection, new[] { _sim.Upn["Adele Vance"] }).Single();
        }

        private async Task<EntraPasskeyException> IssueThroughAsync(Func<Exchange, Exchange> tamper)
        {
            using var proxy = new TamperingProxy(_sim.Host.GraphBaseUri, tamper);
            using var connection = await _sim.ConnectViaAsync(proxy.Root, IssuerRoles);
            var issuer = new TapIssuer(connection);
            var plan = await issuer.PlanAsync(_sim.Upn["Nestor Wilke"], new BootstrapTapRequest(null, null, true, false), CancellationToken.None);
            return await Assert.ThrowsAsync<EntraPasskeyException>(() => issuer.IssueAsync(plan, CancellationToken.None));
        }

        private static bool IsBatch(Exchange e) => e.Method == "POST" && e.PathAndQuery.StartsWith("/v1.0/$batch", StringComparison.Ordinal);

        private static bool IsTapCreate(Exchange e) => e.Method == "POST" && e.PathAndQuery.EndsWith("/temporaryAccessPassMethods", StringComparison.Ordinal);

        /// <summary>Applies <paramref name="change"/> to every $batch response whose id starts with <paramref name="prefix"/> ("u0", "m0", "g0"…).</summary>
        private static string RewriteItems(string body, string prefix, Action<JsonObject> change)
        {
            var reply = JsonNode.Parse(body)!;
            foreach (var item in reply["responses"]!.AsArray().Select(n => n!.AsObject()).Where(i => ((string)i["id"]!).StartsWith(prefix, StringComparison.Ordinal)))
            {
                change(item);
            }

            return reply.ToJsonString();
        }

        private static string DropItems(string body, string prefix)
        {
            var reply = JsonNode.Parse(body)!;
            var responses = reply["responses"]!.AsArray();
            foreach (var item in responses.Where(n => ((string)n!["id"]!).StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                responses.Remove(item);
            }

            return reply.ToJsonString();
        }

        private static string LinkingTo(string body, Uri root, string pathAndQuery)
        {
            var page = JsonNode.Parse(body)!.AsObject();
            page["@odata.nextLink"] = new Uri(root, pathAndQuery).AbsoluteUri;
            return page.ToJsonString();
        }

        private static string Without(string body, string property)
        {
            var created = JsonNode.Parse(body)!.AsObject();
            Assert.True(created.Remove(property), $"The simulator's reply had no '{property}' to take out.");
            return created.ToJsonString();
        }
    }
}
