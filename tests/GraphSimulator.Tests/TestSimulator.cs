using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace GraphSimulator.Tests;

/// <summary>The sample tenant and a frozen clock, so relative times and TAP usability are exact.</summary>
internal static class Contoso
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public const string TenantId = "ae4e4204-fcea-4fd9-8c5b-5999ca184433";
    public const string DiagnosticsAppId = "061f1d99-9360-4406-b243-b1d623270823";
    public const string DiagnosticsSecret = "sim-secret-do-not-use-in-production";
    public const string ReaderAppId = "8d39a2d3-1bdf-439d-8ae5-44936a228bdf";

    public const string Adele = "f0d296dc-76c4-442a-9ac0-955d7ea6b7b3";
    public const string Alex = "a79a6890-7ea4-45c3-8abf-a36034901afc";
    public const string Megan = "00d3f0dd-f2cb-4c1f-b47e-aae1194bb1c7";
    public const string LeeGu = "61caa38e-6abf-44d9-92da-e5def5a7086c";
    public const string Pat = "be0c2f26-cddc-4caa-9c05-dbdf7013b813";
    public const string Irvin = "3905f7e9-412a-4340-88ce-4357b4fba05a";
    public const string Nestor = "b07fa818-72e0-4702-a267-da7910c55384";
    public const string Isaiah = "c47801bd-7abf-48a7-ad83-c6d89f3287a3";
    public const string Joni = "bed14e29-39ee-4d5c-92a6-ce3f978498ff";
    public const string Conor = "09ad1fbb-125b-47cd-87c5-0c433772f01b";
    public const string Grady = "e848773a-53bb-4067-8df0-dc99835099f1";
    public const string Lynne = "3ae494ad-dc60-42f5-9dae-1f9a8bbe5238";

    public const string PasskeyUsers = "bb6c7358-8d81-4146-af8c-e1fadad04479";
    public const string Engineering = "4fd17078-4e28-45cc-8bbb-11d14044cc07";
    public const string PasskeyExclusions = "16f75ef7-1397-4403-953a-ddbd32554dc3";
    public const string Contractors = "ba022376-f9a8-4bfa-8e6d-719d56d60794";
    public const string TapOnboarding = "ed1de1a5-1fcf-4bbf-a06c-0717d2e2da48";

    public static readonly string[] DiagnosticsRoles =
    [
        "User.Read.All", "GroupMember.Read.All", "UserAuthenticationMethod.Read.All", "Policy.Read.All",
        "Policy.Read.AuthenticationMethod", "AuditLog.Read.All", "Organization.Read.All",
    ];

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "tenants", "contoso.json");

    /// <summary>How many users the sample tenant holds; tests that page through all of them use it, so appending users keeps them true.</summary>
    public static int UserCount => Load()["users"]!.AsArray().Count;

    public static JsonObject Load() => JsonNode.Parse(File.ReadAllText(FilePath))!.AsObject();

    /// <summary>The page sizes paging <paramref name="total"/> items by <paramref name="top"/> gives.</summary>
    public static int[] PageSizes(int total, int top) =>
        Enumerable.Range(0, (total + top - 1) / top).Select(page => Math.Min(top, total - (page * top))).ToArray();

    public static Task<SimulatorHost> StartAsync(JsonObject? tenant = null, int latencyMs = 0) =>
        SimulatorHost.StartAsync(new SimulatorOptions { Tenant = tenant ?? Load(), FixedNow = Now, LatencyMs = latencyMs });

    /// <summary>How many Conditional Access policies the sample tenant holds, and how many of them are on "Register security information".</summary>
    public static (int All, int Registration) PolicyCounts()
    {
        var policies = Load()["conditionalAccessPolicies"]!.AsArray();
        var registration = policies.Count(p => p!["conditions"]!["applications"]!["includeUserActions"]?.AsArray().Any(a => a!.GetValue<string>() == "urn:user:registersecurityinfo") == true);
        return (policies.Count, registration);
    }

    /// <summary>A group's direct members as the simulator serves them: deleted users and groups are no members.</summary>
    public static string[] MemberIds(JsonObject tenant, string groupId) =>
        Entity(tenant, "groups", groupId)!["members"]!.AsArray().Select(m => m!.GetValue<string>()).Where(id => IsLive(tenant, id)).ToArray();

    /// <summary>Direct and nested members, each once.</summary>
    public static string[] TransitiveMemberIds(JsonObject tenant, string groupId)
    {
        var seen = new List<string>();
        var pending = new Queue<string>(new[] { groupId });
        while (pending.Count > 0)
        {
            foreach (var id in MemberIds(tenant, pending.Dequeue()).Where(id => !seen.Contains(id)))
            {
                seen.Add(id);
                if (Entity(tenant, "groups", id) != null)
                {
                    pending.Enqueue(id);
                }
            }
        }

        return seen.ToArray();
    }

    public static bool IsUser(JsonObject tenant, string id) => Entity(tenant, "users", id) != null;

    private static bool IsLive(JsonObject tenant, string id) =>
        (Entity(tenant, "users", id) ?? Entity(tenant, "groups", id)) is { } entity && entity["deletedDateTime"] == null;

    private static JsonObject? Entity(JsonObject tenant, string collection, string id) =>
        tenant[collection]!.AsArray().OfType<JsonObject>().SingleOrDefault(e => e["id"]!.GetValue<string>() == id);

    public static JsonObject User(JsonObject tenant, string id) =>
        tenant["users"]!.AsArray().OfType<JsonObject>().Single(u => u["id"]!.GetValue<string>() == id);
}

/// <summary>A Graph reply: status, headers and parsed JSON body.</summary>
internal sealed record Reply(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Message, string Text)
{
    public JsonObject Json => Body?.AsObject() ?? throw new InvalidOperationException($"No JSON body ({(int)Status}).");

    public JsonArray Value => Json["value"]!.AsArray();

    public string ErrorCode => Json["error"]!["code"]!.GetValue<string>();

    public string ErrorMessage => Json["error"]!["message"]!.GetValue<string>();

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public string[] Ids => Value.Select(v => v!["id"]!.GetValue<string>()).ToArray();
}

/// <summary>Raw HTTP to the simulator with a bearer token (or none).</summary>
internal sealed class GraphHttp(SimulatorHost host, string? token) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = host.GraphBaseUri };

    public static GraphHttp Diagnostics(SimulatorHost host) => new(host, host.IssueToken(Contoso.DiagnosticsRoles, Contoso.DiagnosticsAppId));

    public Task<Reply> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<Reply> PostAsync(string url, JsonNode body) => SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent(body) });

    public Task<Reply> PatchAsync(string url, JsonNode body) => SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent(body) });

    public async Task<Reply> SendAsync(HttpRequestMessage request)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response, text);
    }

    public void Dispose() => _http.Dispose();

    private static StringContent JsonContent(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}

/// <summary>One simulator for the tests that only read; tests that change state start their own.</summary>
public sealed class SharedSimulator : IAsyncDisposable, Xunit.IAsyncLifetime
{
    public SimulatorHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await Contoso.StartAsync();

    Task Xunit.IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

[Xunit.CollectionDefinition(Name)]
public sealed class SharedSimulatorCollection : Xunit.ICollectionFixture<SharedSimulator>
{
    public const string Name = "Shared simulator";
}
