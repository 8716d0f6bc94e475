using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphSimulator.Throttling;
using Xunit;

namespace GraphSimulator.Tests.Conformance;

/// <summary>
/// Holds the simulator to Microsoft's documented shapes: every reply it gives for a resource the module reads has the
/// property names and value kinds of that resource's fixture in tests/Conformance (<see cref="JsonShape"/>), for
/// every user, group, sign-in and audit event of the sample tenants. A new fixture gets a check here
/// (tests/Conformance/README.md says how).
/// </summary>
public sealed class SimulatorConformanceTests
{
    private const string Contoso = "contoso";
    private const string Fabrikam = "fabrikam-free";
    private const string WellDesigned = "well-designed";

    private static readonly string[] UserFields = { "id", "userPrincipalName", "displayName", "accountEnabled", "userType", "creationType", "externalUserState" };
    private static readonly string[] SignInFields = { "id", "createdDateTime", "userId", "userPrincipalName", "isInteractive", "status", "authenticationRequirement", "authenticationDetails", "deviceDetail", "appDisplayName" };
    private static readonly string[] AuditFields = { "id", "activityDateTime", "activityDisplayName", "loggedByService", "result", "resultReason", "correlationId", "initiatedBy", "targetResources", "additionalDetails" };

    /// <summary>Every check: a fixture, the tenant it is held against, and the calls whose replies must have its shape.</summary>
    private static readonly Check[] Checks =
    {
        new("authentication-methods-policy.v1.passkey-profiles", Contoso, _ => new[] { Probe.Get("/v1.0/policies/authenticationMethodsPolicy") }),
        new("authentication-methods-policy.v1", Fabrikam, _ => new[] { Probe.Get("/v1.0/policies/authenticationMethodsPolicy") }),
        new("authentication-methods-policy.beta", Fabrikam, _ => new[] { Probe.Get("/beta/policies/authenticationMethodsPolicy") }),
        new("temporary-access-pass-configuration", Contoso, _ => new[] { Probe.Get("/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass") }),
        new("user.member", Contoso, tenant => Users(tenant).Where(u => !IsGuest(u)).Select(u => Probe.Get($"/v1.0/users/{Id(u)}?$select={string.Join(",", UserFields)}"))),
        new("user.guest", Contoso, tenant => Users(tenant).Where(IsGuest).Select(u => Probe.Get($"/v1.0/users/{Uri.EscapeDataString(Upn(u))}?$select={string.Join(",", UserFields)}"))),
        new("user-authentication-methods", Contoso, tenant => Users(tenant).Select(u => Probe.Get($"/v1.0/users/{Id(u)}/authentication/methods"))),
        new("user-authentication-methods", Fabrikam, tenant => Users(tenant).Select(u => Probe.Get($"/v1.0/users/{Id(u)}/authentication/methods"))),
        new("user-transitive-member-of", Contoso, tenant => Users(tenant).Select(u => Probe.Get($"/v1.0/users/{Id(u)}/transitiveMemberOf?$select=id&$top=999"))),
        new("group", Contoso, tenant => tenant["groups"]!.AsArray().OfType<JsonObject>().Where(g => g["deletedDateTime"] is null).Select(g => Probe.Get($"/v1.0/groups/{Id(g)}?$select=id,displayName"))),
        new("temporary-access-pass-created", Contoso, tenant => Users(tenant).Take(3).Select(u => Probe.Post(
            $"/v1.0/users/{Id(u)}/authentication/temporaryAccessPassMethods", new JsonObject { ["lifetimeInMinutes"] = 60, ["isUsableOnce"] = true }, HttpStatusCode.Created))),
        new("sign-ins.beta", Contoso, _ => new[] { Probe.Get("/beta/auditLogs/signIns"), Probe.Get($"/beta/auditLogs/signIns?$select={string.Join(",", SignInFields)}") }),
        new("sign-ins.beta.passkey-failures", Contoso, tenant => PasskeySignInFailures(tenant).SelectMany(userId => new[]
        {
            Probe.Get($"/beta/auditLogs/signIns?$filter=userId eq '{userId}'"),
            Probe.Get($"/beta/auditLogs/signIns?$filter=userId eq '{userId}'&$select={string.Join(",", SignInFields)}"),
        })),
        new("user-fido2-methods", Contoso, tenant => Users(tenant).Select(u => Probe.Get($"/v1.0/users/{Id(u)}/authentication/fido2Methods"))),
        new("fido2-method-deleted", Contoso, tenant => Users(tenant).SelectMany(u => Passkeys(u).Select(m =>
            Probe.Delete($"/v1.0/users/{Id(u)}/authentication/fido2Methods/{Id(m)}")))),
        new("revoke-sign-in-sessions", Contoso, tenant => Users(tenant).Take(3).Select(u => Probe.Post($"/v1.0/users/{Id(u)}/revokeSignInSessions", null))),
        new("directory-audits", Contoso, _ => new[] { Probe.Get("/v1.0/auditLogs/directoryAudits"), Probe.Get($"/v1.0/auditLogs/directoryAudits?$select={string.Join(",", AuditFields)}") }),
        new("conditional-access-policies", Contoso, _ => new[] { Probe.Get("/v1.0/identity/conditionalAccess/policies") }),
        new("security-defaults", Contoso, _ => new[] { Probe.Get("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy") }),
        new("security-defaults", Fabrikam, _ => new[] { Probe.Get("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy") }),
        new("organization", Contoso, _ => new[] { Probe.Get("/v1.0/organization?$select=id,assignedPlans") }),
        new("user-registration-details", Contoso, _ => new[] { Probe.Get("/v1.0/reports/authenticationMethods/userRegistrationDetails") }),
        new("user-registration-details", WellDesigned, _ => new[] { Probe.Get("/v1.0/reports/authenticationMethods/userRegistrationDetails") }),
        new("group-transitive-member-users", Contoso, tenant => LiveGroups(tenant).Select(g => Probe.Get($"/v1.0/groups/{Id(g)}/transitiveMembers/graph.user?$count=true&$top=1&$select=id"))),
        new("users-count", Contoso, _ => new[] { Probe.Get("/v1.0/users?$count=true&$top=1&$select=id") }),
        new("authentication-methods-policy.v1.passkey-profiles", WellDesigned, _ => new[] { Probe.Get("/v1.0/policies/authenticationMethodsPolicy") }),
        new("user.member", WellDesigned, tenant => Users(tenant).Select(u => Probe.Get($"/v1.0/users/{Id(u)}?$select={string.Join(",", UserFields)}"))),
        new("user-authentication-methods", WellDesigned, tenant => Users(tenant).Select(u => Probe.Get($"/v1.0/users/{Id(u)}/authentication/methods"))),
        new("group", WellDesigned, tenant => LiveGroups(tenant).Select(g => Probe.Get($"/v1.0/groups/{Id(g)}?$select=id,displayName"))),
        new("conditional-access-policies", WellDesigned, _ => new[] { Probe.Get("/v1.0/identity/conditionalAccess/policies") }),
        new("error.not-found", Contoso, _ => new[] { Probe.Get("/v1.0/users/nobody@contoso.com", HttpStatusCode.NotFound) }),
        new("error.forbidden", Contoso, tenant => new[] { Probe.Get($"/v1.0/users/{Id(Users(tenant).First())}", HttpStatusCode.Forbidden) with { Roles = Array.Empty<string>() } }),
        new("error.throttled", Contoso, tenant => new[]
        {
            Probe.Get($"/v1.0/users/{Id(Users(tenant).First())}?$select=id") with { Fixture = false },
            Probe.Get($"/v1.0/users/{Id(Users(tenant).First())}?$select=id") with { Fixture = false },
            Probe.Get($"/v1.0/users/{Id(Users(tenant).First())}?$select=id", HttpStatusCode.TooManyRequests),
        }, ResourceUnits: 2),
        new("batch-reply", Contoso, tenant => new[]
        {
            Probe.Post("/v1.0/$batch", new JsonObject
            {
                ["requests"] = new JsonArray(
                    BatchItem("u0", $"/users/{Uri.EscapeDataString(Upn(Users(tenant).First(IsGuest)))}?$select={string.Join(",", UserFields)}"),
                    BatchItem("u1", $"/users/nobody%40contoso.com?$select={string.Join(",", UserFields)}"),
                    BatchItem("m0", $"/users/{Id(Users(tenant).First())}/authentication/methods")),
            }),
        }, ResourceUnits: 2),
    };

    public static TheoryData<string> CheckNames()
    {
        var data = new TheoryData<string>();
        foreach (var check in Checks)
        {
            data.Add(check.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CheckNames))]
    public async Task Simulator_replies_have_the_documented_shape(string name)
    {
        var check = Checks.Single(c => c.Name == name);
        var tenant = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "tenants", check.Tenant + ".json")))!.AsObject();
        var clock = new ManualClock(GraphSimulator.Tests.Contoso.Now);
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Tenant = tenant,
            TimeProvider = clock,
            Throttling = new ThrottlingOptions { Enabled = check.ResourceUnits.HasValue, ResourceUnitsPer10Seconds = check.ResourceUnits },
        });
        var documented = Corpus.Load(check.Fixture);
        var probes = check.Probes(tenant).ToList();
        Assert.NotEmpty(probes);

        var differences = new List<string>();
        foreach (var probe in probes)
        {
            using var http = new GraphHttp(host, host.IssueToken(probe.Roles ?? AllRoles));
            var reply = await http.SendAsync(probe.Request());
            Assert.True(probe.Status == reply.Status, $"{probe.Url}: expected {(int)probe.Status}, got {(int)reply.Status}: {reply.Text}");
            if (!probe.Fixture)
            {
                continue;
            }

            if (documented is null)
            {
                Assert.True(reply.Text.Length == 0, $"{probe.Url}: {check.Fixture} documents no body, the reply has one: {reply.Text}");
            }
            else
            {
                var select = probe.Select;
                var expected = select is null || (int)probe.Status >= 300 ? documented : JsonShape.Select(documented, select);
                differences.AddRange(JsonShape.Differences(expected, reply.Body, "headers").Select(d => $"{probe.Url}: {d}"));
            }
        }

        Assert.True(differences.Count == 0, $"{check.Fixture} ({check.Tenant}):{Environment.NewLine}{string.Join(Environment.NewLine, differences.Distinct())}");
    }

    [Fact]
    public void Every_fixture_is_held_against_the_simulator_and_named_in_the_readme()
    {
        var readme = Corpus.Readme;

        Assert.Empty(Corpus.Names.Except(Checks.Select(c => c.Fixture)));
        Assert.Empty(Checks.Select(c => c.Fixture).Except(Corpus.Names));
        Assert.All(Corpus.Names, n => Assert.Contains($"`{n}.json`", readme, StringComparison.Ordinal));
    }

    private static readonly string[] AllRoles = GraphSimulator.Tests.Contoso.DiagnosticsRoles
        .Concat(new[] { "UserAuthenticationMethod.ReadWrite.All", "User.RevokeSessions.All" }).ToArray();

    private static IEnumerable<JsonObject> Passkeys(JsonObject user) =>
        user["methods"]!.AsArray().OfType<JsonObject>().Where(m => m["@odata.type"]?.GetValue<string>() == "#microsoft.graph.fido2AuthenticationMethod");

    /// <summary>Users with a failed sign-in whose steps include a passkey.</summary>
    private static IEnumerable<string> PasskeySignInFailures(JsonObject tenant) =>
        tenant["signIns"]!.AsArray().OfType<JsonObject>()
            .Where(s => s["status"]!["errorCode"]!.GetValue<int>() != 0
                && s["authenticationDetails"]!.AsArray().OfType<JsonObject>().Any(d => IsPasskeyStep(d["authenticationMethod"]?.GetValue<string>())))
            .Select(s => s["userId"]!.GetValue<string>())
            .Distinct();

    private static bool IsPasskeyStep(string? method) =>
        method != null && (method.Contains("FIDO", StringComparison.OrdinalIgnoreCase) || method.Contains("passkey", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<JsonObject> Users(JsonObject tenant) => tenant["users"]!.AsArray().OfType<JsonObject>();

    private static IEnumerable<JsonObject> LiveGroups(JsonObject tenant) => tenant["groups"]!.AsArray().OfType<JsonObject>().Where(g => g["deletedDateTime"] is null);

    private static bool IsGuest(JsonObject user) => string.Equals(user["userType"]?.GetValue<string>(), "Guest", StringComparison.OrdinalIgnoreCase);

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    private static string Upn(JsonObject user) => user["userPrincipalName"]!.GetValue<string>();

    private static JsonObject BatchItem(string id, string url) => new() { ["id"] = id, ["method"] = "GET", ["url"] = url };

    /// <param name="ResourceUnits">When set, throttling is on with this identity budget per 10 seconds (the clock never moves).</param>
    private sealed record Check(string Fixture, string Tenant, Func<JsonObject, IEnumerable<Probe>> Probes, int? ResourceUnits = null)
    {
        public string Name => $"{Fixture} on {Tenant}";
    }

    /// <param name="Fixture">False for a call made only to prepare the next (spending a budget).</param>
    private sealed record Probe(HttpMethod Method, string Url, JsonObject? Body, HttpStatusCode Status)
    {
        public bool Fixture { get; init; } = true;

        public string[]? Roles { get; init; }

        /// <summary>The $select of the URL: the documented example is compared as that selection returns it.</summary>
        public string[]? Select =>
            Url.Split('?', 2) is [_, var query]
                ? query.Split('&').Where(p => p.StartsWith("$select=", StringComparison.Ordinal)).Select(p => p["$select=".Length..].Split(',')).FirstOrDefault()
                : null;

        public static Probe Get(string url, HttpStatusCode status = HttpStatusCode.OK) => new(HttpMethod.Get, url, null, status);

        /// <param name="body">Null for an action that takes no body.</param>
        public static Probe Post(string url, JsonObject? body, HttpStatusCode status = HttpStatusCode.OK) => new(HttpMethod.Post, url, body, status);

        public static Probe Delete(string url) => new(HttpMethod.Delete, url, null, HttpStatusCode.NoContent);

        public HttpRequestMessage Request() =>
            new(Method, Url) { Content = Body is null ? null : new StringContent(Body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
    }
}
