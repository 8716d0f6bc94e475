using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using GraphSimulator.Throttling;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>Graph's throttling budgets, on a clock the tests move (no sleeping).</summary>
public sealed class ThrottlingTests
{
    [Theory]
    [InlineData(12, 3_500)]
    [InlineData(49, 3_500)]
    [InlineData(50, 5_000)]
    [InlineData(500, 5_000)]
    [InlineData(501, 8_000)]
    [InlineData(100_000, 8_000)]
    public void Identity_budget_is_sized_by_the_tenant_user_count(int users, int unitsPer10Seconds)
    {
        var budget = Budget.IdentityFor(users, overrideUnits: null);

        Assert.Equal(unitsPer10Seconds, budget.Capacity);
        Assert.Equal(TimeSpan.FromSeconds(10), budget.Window);
    }

    [Fact]
    public async Task Identity_bucket_refuses_with_Graph_429_until_enough_units_refill()
    {
        var clock = new ManualClock(Contoso.Now);
        await using var host = await StartAsync(clock, resourceUnits: 10);
        using var http = GraphHttp.Diagnostics(host);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/v1.0/users/{Contoso.Adele}")).Status);
        }

        var refused = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/memberOf");
        clock.Advance(TimeSpan.FromSeconds(1));
        var stillShort = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/memberOf");
        clock.Advance(TimeSpan.FromSeconds(1));
        var served = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/memberOf");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("TooManyRequests", refused.ErrorCode);
        Assert.Equal("2", refused.Header("Retry-After"));
        Assert.Equal("ResourceUnitLimitExceeded", refused.Header("x-ms-throttle-information"));
        Assert.Equal($"Tenant_Application/ReadWrite/{Contoso.DiagnosticsAppId}/{Contoso.TenantId}", refused.Header("x-ms-throttle-scope"));
        Assert.Null(refused.Header("x-ms-resource-unit"));
        Assert.Equal("1", stillShort.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal("2", served.Header("x-ms-resource-unit"));
        var log = host.Requests;
        Assert.Equal([false, true, true, false], log.Skip(9).Select(e => e.Throttled).ToArray());
        Assert.Equal(2, log[10].RetryAfterSeconds);
        Assert.All(log, e => Assert.Equal(Budget.Identity, e.Budget));
    }

    [Fact]
    public async Task Buckets_are_per_app()
    {
        var clock = new ManualClock(Contoso.Now);
        await using var host = await StartAsync(clock, resourceUnits: 1);
        using var diagnostics = GraphHttp.Diagnostics(host);
        using var reader = new GraphHttp(host, host.IssueToken(["User.Read.All"], Contoso.ReaderAppId));

        var first = await diagnostics.GetAsync($"/v1.0/users/{Contoso.Adele}");
        var second = await diagnostics.GetAsync($"/v1.0/users/{Contoso.Adele}");
        var otherApp = await reader.GetAsync($"/v1.0/users/{Contoso.Adele}");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], new[] { first.Status, second.Status, otherApp.Status });
    }

    [Theory]
    [InlineData("GET", "/v1.0/users", 2)]
    [InlineData("GET", "/v1.0/users?$select=id", 1)]
    [InlineData("GET", "/v1.0/users?$top=5", 1)]
    [InlineData("GET", "/v1.0/users?$top=999", 2)]
    [InlineData("GET", "/v1.0/users/" + Contoso.Adele, 1)]
    [InlineData("GET", "/v1.0/users/" + Contoso.Adele + "/memberOf", 2)]
    [InlineData("GET", "/v1.0/users/" + Contoso.Adele + "/transitiveMemberOf", 2)]
    [InlineData("GET", "/v1.0/users/" + Contoso.Adele + "/transitiveMemberOf?$select=id&$top=999", 1)]
    [InlineData("GET", "/v1.0/users/" + Contoso.Adele + "/authentication/methods", 1)]
    [InlineData("GET", "/v1.0/groups/" + Contoso.PasskeyUsers + "/members", 3)]
    [InlineData("GET", "/v1.0/groups/" + Contoso.PasskeyUsers + "/transitiveMembers", 5)]
    [InlineData("GET", "/v1.0/groups/" + Contoso.PasskeyUsers + "/transitiveMembers?$select=id", 4)]
    [InlineData("GET", "/v1.0/groups/" + Contoso.PasskeyUsers + "/transitiveMembers?$select=id&$top=10", 3)]
    [InlineData("POST", "/v1.0/users/" + Contoso.Adele + "/checkMemberGroups", 4)]
    [InlineData("POST", "/v1.0/users/" + Contoso.Adele + "/getMemberGroups", 2)]
    [InlineData("GET", "/v1.0/policies/authenticationMethodsPolicy", 1)]
    [InlineData("GET", "/beta/organization", 1)]
    public async Task Each_call_carries_its_resource_unit_cost(string method, string url, int units)
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);
        JsonNode body = url.EndsWith("checkMemberGroups", StringComparison.Ordinal)
            ? new JsonObject { ["groupIds"] = new JsonArray(Contoso.PasskeyUsers) }
            : new JsonObject { ["securityEnabledOnly"] = true };

        var reply = method == "GET" ? await http.GetAsync(url) : await http.PostAsync(url, body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(units.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Header("x-ms-resource-unit"));
        Assert.Equal(units, host.Requests.Single().ResourceUnits);
        Assert.Equal(Budget.Identity, host.Requests.Single().Budget);
    }

    [Theory]
    [InlineData("users?$expand=manager", 3)]
    [InlineData("users/x?$expand=manager&$select=id", 1)]
    [InlineData("users/x/transitiveMemberOf?$expand=x", 3)]
    [InlineData("me/transitiveMemberOf", 2)]
    [InlineData("applications", 2)]
    public void Expand_and_me_are_priced_as_published(string pathAndQuery, int units)
    {
        var request = Request("GET", pathAndQuery);

        Assert.Equal(units, ResourceUnitCost.Of(request, BudgetClassifier.Normalize(request.Target.Segments)));
    }

    [Fact]
    public async Task A_write_costs_one_unit_and_spends_the_write_quota()
    {
        var clock = new ManualClock(Contoso.Now);
        await using var host = await StartAsync(clock, resourceUnits: 100_000);
        using var http = new GraphHttp(host, host.IssueToken(["Policy.ReadWrite.AuthenticationMethod"]));
        var patch = new JsonObject { ["state"] = "enabled" };
        const string Voice = "/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Voice";

        var batches = Enumerable.Range(0, 150).Select(_ => Batch(Enumerable.Range(0, 20).Select(i => PatchItem(i, Voice, patch)).ToArray()));
        foreach (var batch in batches)
        {
            await http.PostAsync("/v1.0/$batch", batch);
        }

        var refused = await http.PatchAsync(Voice, patch);
        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await http.PatchAsync(Voice, patch);

        Assert.Equal(3_000, host.Requests.Count(e => e.InBatch && e.Status == 204));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("WriteLimitExceeded", refused.Header("x-ms-throttle-information"));
        Assert.Equal("1", refused.Header("Retry-After"));
        Assert.Equal(HttpStatusCode.NoContent, later.Status);
        Assert.All(host.Requests.Where(e => e.InBatch), e => Assert.Equal((Budget.Writes, 1), (e.Budget, e.ResourceUnits)));
    }

    [Fact]
    public async Task Conditional_Access_allows_one_request_a_second_and_429s_without_Retry_After()
    {
        var clock = new ManualClock(Contoso.Now);
        await using var host = await StartAsync(clock);
        using var http = GraphHttp.Diagnostics(host);

        var first = await http.GetAsync("/v1.0/identity/conditionalAccess/policies");
        var second = await http.GetAsync("/v1.0/identity/conditionalAccess/policies");
        clock.Advance(TimeSpan.FromSeconds(1));
        var third = await http.GetAsync("/beta/identity/conditionalAccess/policies");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], new[] { first.Status, second.Status, third.Status });
        Assert.Null(second.Header("Retry-After"));
        Assert.Equal("TooManyRequests", second.ErrorCode);
        Assert.All(host.Requests, e => Assert.Equal(Budget.ConditionalAccess, e.Budget));
        Assert.Null(host.Requests[1].RetryAfterSeconds);
    }

    [Fact]
    public async Task Conditional_Access_budget_is_shared_by_all_apps_of_the_tenant()
    {
        var clock = new ManualClock(Contoso.Now);
        await using var host = await StartAsync(clock);
        using var diagnostics = GraphHttp.Diagnostics(host);
        using var reader = new GraphHttp(host, host.IssueToken(["Policy.Read.All"], Contoso.ReaderAppId));

        await diagnostics.GetAsync("/v1.0/identity/conditionalAccess/policies");
        var otherApp = await reader.GetAsync("/v1.0/identity/conditionalAccess/policies");

        Assert.Equal(HttpStatusCode.TooManyRequests, otherApp.Status);
    }

    [Theory]
    [InlineData("auditLogs/signIns?$filter=userId eq 'x'")]
    [InlineData("auditLogs/directoryAudits")]
    [InlineData("reports/authenticationMethods/userRegistrationDetails")]
    public async Task Reports_allow_five_requests_per_ten_seconds_per_app(string pathAndQuery)
    {
        var clock = new ManualClock(Contoso.Now);
        var stage = new ThrottlingStage(new BudgetSet(12, new ThrottlingOptions { Enabled = true }, clock), Contoso.TenantId, clock);

        var answers = new GraphResponse?[7];
        for (var i = 0; i < 6; i++)
        {
            answers[i] = await stage.InvokeAsync(Call(pathAndQuery, "app-1"), CancellationToken.None);
        }

        var otherApp = await stage.InvokeAsync(Call(pathAndQuery, "app-2"), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        answers[6] = await stage.InvokeAsync(Call(pathAndQuery, "app-1"), CancellationToken.None);

        Assert.All(answers.Take(5), a => Assert.Null(a));
        Assert.Equal(429, answers[5]!.Status);
        Assert.Equal("2", answers[5]!.Headers["Retry-After"]);
        Assert.False(answers[5]!.Headers.ContainsKey("x-ms-throttle-information"));
        Assert.Null(otherApp);
        Assert.Null(answers[6]);
    }

    [Fact]
    public async Task Batch_items_are_throttled_one_by_one_inside_a_200_envelope_that_costs_nothing()
    {
        var clock = new ManualClock(Contoso.Now);
        await using var host = await StartAsync(clock, resourceUnits: 5);
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.PostAsync("/v1.0/$batch",
            Batch(Enumerable.Range(0, 8).Select(i => new JsonObject { ["id"] = $"{i}", ["method"] = "GET", ["url"] = $"/users/{Contoso.Adele}" }).ToArray()));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var items = reply.Json["responses"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        Assert.Equal([200, 200, 200, 200, 200, 429, 429, 429], items.Select(i => i["status"]!.GetValue<int>()).ToArray());
        Assert.All(items.Skip(5), i =>
        {
            // 1 unit at 5 units / 10 s refills in 2 s.
            Assert.Equal("2", i["headers"]!["Retry-After"]!.GetValue<string>());
            Assert.Equal("TooManyRequests", i["body"]!["error"]!["code"]!.GetValue<string>());
        });
        Assert.Equal("1", items[0]["headers"]!["x-ms-resource-unit"]!.GetValue<string>());
        var envelope = host.Requests.Single(e => !e.InBatch);
        Assert.Equal((null, 0, false), (envelope.Budget, envelope.ResourceUnits, envelope.Throttled));
    }

    [Fact]
    public async Task Throttling_off_prices_calls_but_refuses_none()
    {
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions
        {
            Tenant = Contoso.Load(), FixedNow = Contoso.Now,
            Throttling = new ThrottlingOptions { Enabled = false, ResourceUnitsPer10Seconds = 1 },
        });
        using var http = GraphHttp.Diagnostics(host);

        var replies = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => http.GetAsync("/v1.0/users")));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(host.Requests, e => Assert.Equal((2, false), (e.ResourceUnits, e.Throttled)));
    }

    [Fact]
    public async Task Stats_count_requests_items_units_and_429s_and_delete_starts_afresh()
    {
        var clock = new ManualClock(Contoso.Now);
        await using var host = await StartAsync(clock, resourceUnits: 4);
        using var http = GraphHttp.Diagnostics(host);
        using var control = new System.Net.Http.HttpClient { BaseAddress = host.GraphBaseUri };

        await http.GetAsync("/v1.0/users");
        await http.PostAsync("/v1.0/$batch", Batch(
            new JsonObject { ["id"] = "1", ["method"] = "GET", ["url"] = $"/users/{Contoso.Adele}" },
            new JsonObject { ["id"] = "2", ["method"] = "GET", ["url"] = $"/users/{Contoso.Adele}/memberOf" },
            new JsonObject { ["id"] = "3", ["method"] = "GET", ["url"] = $"/users/{Contoso.Adele}/authentication/methods" }));
        await http.GetAsync("/v1.0/identity/conditionalAccess/policies");
        var stats = JsonNode.Parse(await control.GetStringAsync("/_sim/stats"))!;
        await control.DeleteAsync("/_sim/stats");
        var served = await http.GetAsync("/v1.0/users");
        var fresh = JsonNode.Parse(await control.GetStringAsync("/_sim/stats"))!;

        Assert.Equal(3, stats["requests"]!.GetValue<long>());
        Assert.Equal(3, stats["items"]!.GetValue<long>());
        Assert.Equal(4, stats["resourceUnits"]!.GetValue<long>());
        Assert.Equal(1, stats["throttled"]!.GetValue<long>());
        var identity = stats["budgets"]!["identity"]!;
        Assert.Equal((4L, 4L, 1L), (identity["calls"]!.GetValue<long>(), identity["units"]!.GetValue<long>(), identity["throttled"]!.GetValue<long>()));
        Assert.Equal(1, stats["budgets"]!["conditionalAccess"]!["units"]!.GetValue<long>());
        // Floor = max(4 RU ÷ 0.4 RU/s, 1 CA request ÷ 1/s) = 10 s; the throttled memberOf (2 RU) was not spent.
        Assert.Equal(10, stats["floorSeconds"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal(1, fresh["requests"]!.GetValue<long>());
        Assert.Equal(2, fresh["resourceUnits"]!.GetValue<long>());
    }

    private static Task<SimulatorHost> StartAsync(ManualClock clock, int? resourceUnits = null) =>
        SimulatorHost.StartAsync(new SimulatorOptions
        {
            Tenant = Contoso.Load(),
            TimeProvider = clock,
            Throttling = new ThrottlingOptions { Enabled = true, ResourceUnitsPer10Seconds = resourceUnits },
        });

    private static GraphRequest Request(string method, string pathAndQuery) =>
        new(method, "v1.0", RequestTarget.Parse(pathAndQuery), new System.Collections.Generic.Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty, new Uri("http://127.0.0.1/"));

    private static GraphCall Call(string pathAndQuery, string appId)
    {
        var none = new System.Collections.Generic.HashSet<string>();
        return new GraphCall(Request("GET", pathAndQuery), null!) { Caller = new Caller(appId, Contoso.TenantId, none, none, null, null) };
    }

    private static JsonObject PatchItem(int id, string url, JsonObject body) => new()
    {
        ["id"] = $"{id}", ["method"] = "PATCH", ["url"] = url.Replace("/v1.0", "", StringComparison.Ordinal),
        ["headers"] = new JsonObject { ["Content-Type"] = "application/json" }, ["body"] = body.DeepClone(),
    };

    private static JsonObject Batch(params JsonObject[] requests) =>
        new() { ["requests"] = new JsonArray(requests.Select(r => (JsonNode?)r).ToArray()) };
}
