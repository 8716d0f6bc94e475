using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core.Pipeline;
using Azure.Identity;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using GraphSimulator;
using Xunit;

namespace EntraPasskey.Engine.Tests.Connection
{
    /// <summary>
    /// A token that expires in the middle of a run: one passed with -AccessToken stops the run once, naming when it
    /// expired and the users left; a connection with a credential renews its token and the run goes on.
    /// </summary>
    public sealed class ExpiringTokenTests
    {
        private static readonly string TenantPath = Path.Combine(AppContext.BaseDirectory, "tenants", "contoso.json");
        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

        [Fact]
        public async Task AccessTokenExpiringMidRun_StopsTheRunOnceNamingWhenAndWhoIsLeft()
        {
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { TenantPath = TenantPath });
            var users = Users(host);
            var clock = new MovableClock(DateTimeOffset.UtcNow);
            var expiresOn = clock.GetUtcNow().AddMinutes(10);
            var credential = new StaticTokenCredential(host.IssueToken(SimulatorFixture.AllReadRoles), expiresOn, clock.GetUtcNow);
            using var connection = await ConnectAsync(credential, ConnectionMode.AccessToken, host);
            using var session = DiagnosisSession.ForRegistration(connection, AttemptHints.None, null, CancellationToken.None);

            var before = Diagnose(session, users.Take(7));
            clock.Advance(TimeSpan.FromMinutes(11));
            var after = users.Skip(7).ToList();
            var stopped = DiagnoseUntilStopped(session, after);

            Assert.All(before, r => Assert.NotNull(r.Diagnosis));
            Assert.Equal(("AccessTokenExpired", ErrorKind.AuthenticationFailed), (stopped.ErrorId, stopped.Kind));
            Assert.Equal(
                $"The access token expired at {expiresOn:u}. The run stopped there: {after.Count} users were not diagnosed, from '{after[0]}' on.",
                stopped.Message);
            Assert.EndsWith("Then run the command again for the users not diagnosed (this error's TargetObject lists them).", stopped.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(after, session.NotDiagnosed);
            Assert.False(session.TryTake(out _));
        }

        [Fact]
        public async Task AccessTokenGraphNoLongerAccepts_StopsTheRunAtTheFirstUserItFailed()
        {
            // The module's clock says the token has an hour left; Graph's clock is moved past its expiry.
            var simulatorClock = new MovableClock(DateTimeOffset.UtcNow);
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { TenantPath = TenantPath, TimeProvider = simulatorClock });
            var users = Users(host);
            using var connection = await TestTokens.ConnectAsync(host.IssueToken(SimulatorFixture.AllReadRoles), host.GraphBaseUri, retries: TestTokens.QuickRetries);
            using var session = DiagnosisSession.ForRegistration(connection, AttemptHints.None, null, CancellationToken.None);

            var before = Diagnose(session, users.Take(7));
            simulatorClock.Advance(TimeSpan.FromHours(2));
            var after = users.Skip(7).ToList();
            var stopped = DiagnoseUntilStopped(session, after);

            Assert.All(before, r => Assert.NotNull(r.Diagnosis));
            Assert.Equal("GraphAuthenticationFailed", stopped.ErrorId);
            var expected = $"Microsoft Graph rejected the access token while trying to read the user (InvalidAuthenticationToken: Lifetime validation failed, the token is expired.). The token says it expires at {connection.Context.TokenExpiresOn:u}.";
            Assert.True(stopped.Message.StartsWith(expected, StringComparison.Ordinal), stopped.Message);
            Assert.EndsWith($"The run stopped there: {after.Count} users were not diagnosed, from '{after[0]}' on.", stopped.Message, StringComparison.Ordinal);
            Assert.Equal(after, session.NotDiagnosed);
        }

        [Fact]
        public async Task CredentialConnection_RenewsItsTokenAndTheRunGoesOn()
        {
            // Tokens live two minutes on the simulator's clock; MSAL renews any token within five minutes of expiry.
            var simulatorClock = new MovableClock(Start);
            await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
            {
                TenantPath = TenantPath, TimeProvider = simulatorClock, TokenLifetime = TimeSpan.FromMinutes(2),
            });
            var users = Users(host);
            var pinned = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == host.Certificate.Thumbprint };
            var credential = new ClientSecretCredential(host.TenantId, host.DefaultAppId, "sim-secret-do-not-use-in-production", new ClientSecretCredentialOptions
            {
                AuthorityHost = host.AuthorityUri,
                DisableInstanceDiscovery = true,
                Transport = new HttpClientTransport(pinned),
            });
            using var connection = await ConnectAsync(credential, ConnectionMode.ClientSecret, host);
            using var session = DiagnosisSession.ForRegistration(connection, AttemptHints.None, null, CancellationToken.None);

            var before = Diagnose(session, users.Take(7));
            simulatorClock.Advance(TimeSpan.FromHours(2));
            var after = Diagnose(session, users.Skip(7));

            Assert.All(before.Concat(after), r => Assert.NotNull(r.Diagnosis));
            Assert.Equal(users, before.Concat(after).Select(r => r.Input));
            Assert.Null(session.Stopped);
            var tokensIssued = host.Requests.Count(r => r.Path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal) && r.Status == 200);
            Assert.True(tokensIssued >= 2, $"{tokensIssued} token(s) issued");
        }

        private static Task<EntraPasskeyConnection> ConnectAsync(Azure.Core.TokenCredential credential, ConnectionMode mode, SimulatorHost host) =>
            EntraPasskeyConnection.ConnectAsync(
                credential,
                new ConnectionRequest { Mode = mode, GraphEndpoint = host.GraphBaseUri, TenantId = host.TenantId, ClientId = host.DefaultAppId },
                ReportsBudget.OnSimulatedClock(),
                TestTokens.QuickRetries,
                CancellationToken.None);

        private static List<string> Users(SimulatorHost host) =>
            System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(TenantPath))!["users"]!.AsArray()
                .Select(u => (string)u!["userPrincipalName"]!)
                .Where(u => !u.Contains('#', StringComparison.Ordinal))
                .Take(19)
                .ToList();

        /// <summary>Submits the users and waits for every result, so what comes next is read after them.</summary>
        private static List<DiagnosisResult<PasskeyDiagnosis>> Diagnose(DiagnosisSession<PasskeyDiagnosis> session, IEnumerable<string> users)
        {
            var wanted = users.ToList();
            foreach (var user in wanted)
            {
                session.Submit(user);
            }

            var results = new List<DiagnosisResult<PasskeyDiagnosis>>();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (results.Count < wanted.Count && DateTime.UtcNow < deadline)
            {
                if (session.TryTake(out var result))
                {
                    results.Add(result);
                }
                else
                {
                    session.WaitForProgress(TimeSpan.FromMilliseconds(200));
                }
            }

            return results;
        }

        /// <summary>Submits the users (input complete) and waits for the run to say it stopped; no result may come out meanwhile.</summary>
        private static EntraPasskeyException DiagnoseUntilStopped(DiagnosisSession<PasskeyDiagnosis> session, IEnumerable<string> users)
        {
            foreach (var user in users)
            {
                session.Submit(user);
            }

            session.CompleteInput();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline)
            {
                Assert.False(session.TryTake(out var result), $"A result came out after the token stopped working: {result?.Input}");
                if (session.Stopped is { } stopped)
                {
                    return stopped;
                }

                session.WaitForProgress(TimeSpan.FromMilliseconds(200));
            }

            throw new TimeoutException("The run did not stop.");
        }
    }
}
