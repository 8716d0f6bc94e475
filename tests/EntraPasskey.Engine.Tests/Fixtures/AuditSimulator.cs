using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EntraPasskey.Engine.Audit;
using EntraPasskey.Engine.Connection;
using GraphSimulator;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>
    /// The sample tenant with its week of audit events, on a simulator whose clock is frozen at start, so the
    /// report's window and the events' relative times line up to the second.
    /// </summary>
    public sealed class AuditSimulator : IAsyncDisposable
    {
        public const string WorkspaceId = "7d3c2f55-2a4e-4d0b-9a61-5b0e8f1c9e21";
        public const string ReaderAppId = "8d39a2d3-1bdf-439d-8ae5-44936a228bdf";

        private AuditSimulator(SimulatorHost host, DateTimeOffset now)
        {
            Host = host;
            Now = now;
        }

        public SimulatorHost Host { get; }

        public DateTimeOffset Now { get; }

        /// <summary>Starts the sample tenant, optionally changed first (a Free licence, no workspace reader, ...).</summary>
        public static async Task<AuditSimulator> StartAsync(Action<JsonObject>? change = null)
        {
            var tenant = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "tenants", "contoso.json")))!.AsObject();
            change?.Invoke(tenant);
            var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            return new AuditSimulator(await SimulatorHost.StartAsync(new SimulatorOptions { Tenant = tenant, FixedNow = now }), now);
        }

        public Task<EntraPasskeyConnection> ConnectAsync(params string[] roles) =>
            ConnectWithTokenAsync(Host.IssueToken(roles.Length == 0 ? new[] { "AuditLog.Read.All", "Organization.Read.All" } : roles));

        /// <summary>A connection holding a Log Analytics token, as a credential would get one for that resource.</summary>
        public Task<EntraPasskeyConnection> ConnectToLogAnalyticsAsync(string? appId = null) =>
            ConnectWithTokenAsync(Host.IssueToken(Array.Empty<string>(), appId, null, "https://api.loganalytics.io"));

        public RegistrationFailureRequest Request(Action<RegistrationFailureRequest>? change = null)
        {
            var request = new RegistrationFailureRequest { Clock = () => Now };
            change?.Invoke(request);
            return request;
        }

        public ValueTask DisposeAsync() => Host.DisposeAsync();

        private Task<EntraPasskeyConnection> ConnectWithTokenAsync(string token) => TestTokens.ConnectAsync(token, Host.GraphBaseUri);
    }

    /// <summary>The unchanged sample tenant, shared by the tests of a class that only read it.</summary>
    public sealed class SampleAuditTenant : Xunit.IAsyncLifetime
    {
        public AuditSimulator Simulator { get; private set; } = null!;

        public async Task InitializeAsync() => Simulator = await AuditSimulator.StartAsync();

        public async Task DisposeAsync() => await Simulator.DisposeAsync();
    }
}
