using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using GraphSimulator;
using Xunit;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>The contoso sample tenant served over HTTP in-process, shared by a test class.</summary>
    public sealed class SimulatorFixture : IAsyncLifetime
    {
        public static readonly string[] AllReadRoles =
        {
            "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.All", "AuditLog.Read.All",
        };

        private static readonly string TenantPath = Path.Combine(AppContext.BaseDirectory, "tenants", "contoso.json");

        public SimulatorHost Host { get; private set; } = null!;

        /// <summary>User principal names of the sample tenant by display name.</summary>
        public IReadOnlyDictionary<string, string> Upn { get; private set; } = null!;

        /// <summary>The sample tenant's document, for tests that take their expectations from what the simulator serves.</summary>
        public JsonObject Document { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Host = await SimulatorHost.StartAsync(new SimulatorOptions { TenantPath = TenantPath });
            Document = JsonNode.Parse(File.ReadAllText(TenantPath))!.AsObject();
            Upn = Document["users"]!.AsArray().ToDictionary(u => (string)u!["displayName"]!, u => (string)u!["userPrincipalName"]!);
        }

        public async Task DisposeAsync() => await Host.DisposeAsync();

        public Task<EntraPasskeyConnection> ConnectAsync(params string[] roles) => ConnectViaAsync(Host.GraphBaseUri, roles);

        /// <summary>
        /// Connects with the simulator's token to another endpoint (a <see cref="TamperingProxy"/> in front of it),
        /// retrying as a connection does but with millisecond waits.
        /// </summary>
        public Task<EntraPasskeyConnection> ConnectViaAsync(Uri graphEndpoint, params string[] roles) =>
            TestTokens.ConnectAsync(Host.IssueToken(roles.Length == 0 ? AllReadRoles : roles), graphEndpoint, retries: TestTokens.QuickRetries);

        /// <summary>Runs a whole Test-EntraPasskey session over the inputs and returns the results in the order they were handed back.</summary>
        /// <param name="signInPageSize">Sign-ins per page, small to give a small tenant many pages.</param>
        public static IReadOnlyList<DiagnosisResult<PasskeyDiagnosis>> DiagnoseAll(EntraPasskeyConnection connection, IEnumerable<string> inputs, Func<DateTimeOffset>? clock = null, int signInPageSize = SignInReader.MaxPageSize) =>
            RunAll(DiagnosisSession.ForRegistration(connection, AttemptHints.None, clock, signInPageSize, CancellationToken.None), inputs);

        /// <summary>The same for Test-EntraPasskeySignIn.</summary>
        public static IReadOnlyList<DiagnosisResult<PasskeySignInDiagnosis>> CheckSignInAll(EntraPasskeyConnection connection, IEnumerable<string> inputs, Func<DateTimeOffset>? clock = null, int signInPageSize = SignInReader.MaxPageSize) =>
            RunAll(DiagnosisSession.ForSignIn(connection, clock, signInPageSize, CancellationToken.None), inputs);

        private static IReadOnlyList<DiagnosisResult<T>> RunAll<T>(DiagnosisSession<T> session, IEnumerable<string> inputs)
            where T : class
        {
            using (session)
            {
                var submitted = 0;
                foreach (var input in inputs)
                {
                    session.Submit(input);
                    submitted++;
                }

                session.CompleteInput();
                var results = new List<DiagnosisResult<T>>();
                var deadline = DateTime.UtcNow.AddMinutes(2);
                while (results.Count < submitted && DateTime.UtcNow < deadline)
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
        }
    }
}
