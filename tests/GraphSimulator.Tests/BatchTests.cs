using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

public sealed class BatchTests
{
    [Fact]
    public async Task Items_get_their_own_status_and_json_bodies()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(["User.Read.All"]));

        var reply = await http.PostAsync("/v1.0/$batch", Batch(
            Item("1", "GET", $"/users/{Contoso.Adele}"),
            Item("2", "GET", "users/ghost@contoso.com"),
            Item("3", "GET", $"/users/{Contoso.Adele}/authentication/methods"),
            Item("4", "POST", $"/users/{Contoso.Adele}/checkMemberGroups",
                new JsonObject { ["groupIds"] = new JsonArray(Contoso.PasskeyUsers) })));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var items = Responses(reply);
        Assert.Equal(["1", "2", "3", "4"], items.Select(i => i["id"]!.GetValue<string>()).ToArray());
        Assert.Equal([200, 404, 403, 200], items.Select(i => i["status"]!.GetValue<int>()).ToArray());
        Assert.Equal(Contoso.Adele, items[0]["body"]!["id"]!.GetValue<string>());
        Assert.Equal("Request_ResourceNotFound", items[1]["body"]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal("Authorization_RequestDenied", items[2]["body"]!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(Contoso.PasskeyUsers, items[3]["body"]!["value"]![0]!.GetValue<string>());
        Assert.StartsWith("application/json", items[0]["headers"]!["Content-Type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>
    /// An unencoded '#' in an item URL starts a fragment, so Graph looks up the UPN cut short there; a guest named by
    /// UPN must carry %23 (user-get.md). A key that starts with '$' must be written users('…').
    /// </summary>
    [Fact]
    public async Task Item_urls_are_read_as_Graph_reads_them_a_hash_ends_the_path_and_a_dollar_key_needs_parentheses()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);
        const string Guest = "pat_fabrikam.com#EXT#@contoso.onmicrosoft.com";

        var reply = await http.PostAsync("/v1.0/$batch", Batch(
            Item("raw", "GET", $"/users/{Guest}?$select=id"),
            Item("encoded", "GET", "/users/pat_fabrikam.com%23EXT%23@contoso.onmicrosoft.com?$select=id"),
            Item("key", "GET", "/users('pat_fabrikam.com%23EXT%23@contoso.onmicrosoft.com')?$select=id"),
            Item("dollar", "GET", "/users/$pat_fabrikam.com@contoso.onmicrosoft.com"),
            Item("escapedDollar", "GET", "/users/%24pat_fabrikam.com@contoso.onmicrosoft.com")));

        var items = Responses(reply);
        Assert.Equal([404, 200, 200, 400, 400], items.Select(i => i["status"]!.GetValue<int>()).ToArray());
        Assert.Equal("Resource 'pat_fabrikam.com' does not exist or one of its queried reference-property objects are not present.", items[0]["body"]!["error"]!["message"]!.GetValue<string>());
        Assert.Equal(Contoso.Pat, items[1]["body"]!["id"]!.GetValue<string>());
        Assert.Equal(Contoso.Pat, items[2]["body"]!["id"]!.GetValue<string>());
        Assert.Equal("BadRequest", items[3]["body"]!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_dollar_key_in_parentheses_names_the_user()
    {
        var tenant = Contoso.Load();
        Contoso.User(tenant, Contoso.Adele)["userPrincipalName"] = "$kiosk-adele@contoso.com";
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        var byKey = await http.GetAsync("/v1.0/users('$kiosk-adele@contoso.com')/authentication/methods");
        var byPath = await http.GetAsync("/v1.0/users/$kiosk-adele@contoso.com/authentication/methods");

        Assert.Equal(HttpStatusCode.OK, byKey.Status);
        Assert.Equal(2, byKey.Value.Count);
        Assert.Equal(HttpStatusCode.BadRequest, byPath.Status);
    }

    [Fact]
    public async Task DependsOn_a_failed_item_gives_424_and_dependencies_run_first()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.PostAsync("/v1.0/$batch", Batch(
            Item("a", "GET", "/users/ghost@contoso.com"),
            Item("b", "GET", $"/users/{Contoso.Adele}", dependsOn: ["a"]),
            Item("c", "GET", $"/users/{Contoso.Alex}", dependsOn: ["d"]),
            Item("d", "GET", $"/users/{Contoso.Megan}")));

        var items = Responses(reply);
        Assert.Equal([404, 424, 200, 200], items.Select(i => i["status"]!.GetValue<int>()).ToArray());
        Assert.Equal("FailedDependency", items[1]["body"]!["error"]!["code"]!.GetValue<string>());
        var logged = host.Requests.Where(r => r.InBatch).Select(r => r.Path).ToArray();
        Assert.Equal(["/v1.0/users/ghost@contoso.com", $"/v1.0/users/{Contoso.Megan}", $"/v1.0/users/{Contoso.Alex}"], logged);
    }

    [Fact]
    public async Task Items_are_logged_in_batch_under_the_envelope_request_id()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.PostAsync("/v1.0/$batch", Batch(
            Item("1", "GET", $"/users/{Contoso.Adele}?$select=displayName"),
            Item("2", "GET", $"/users/{Contoso.Alex}/memberOf")));

        var log = host.Requests;
        Assert.Equal(3, log.Count);
        Assert.All(log.Take(2), entry =>
        {
            Assert.True(entry.InBatch);
            Assert.Equal(reply.Header("request-id"), entry.BatchRequestId);
            Assert.Equal(Contoso.DiagnosticsAppId, entry.AppId);
        });
        Assert.Equal($"/v1.0/users/{Contoso.Adele}?$select=displayName", log[0].Path);
        Assert.Equal("/v1.0/$batch", log[2].Path);
        Assert.False(log[2].InBatch);
        Assert.Null(log[2].BatchRequestId);
    }

    [Fact]
    public async Task Items_resolve_under_the_outer_version()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.PostAsync("/beta/$batch", Batch(Item("1", "GET", $"users/{Contoso.Adele}")));

        Assert.Equal(new Uri(host.GraphBaseUri, "beta/$metadata#users/$entity").AbsoluteUri,
            Responses(reply)[0]["body"]!["@odata.context"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_content_items_have_no_body()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(["Policy.ReadWrite.AuthenticationMethod"]));

        var reply = await http.PostAsync("/v1.0/$batch", Batch(
            Item("1", "PATCH", "/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Voice",
                new JsonObject { ["state"] = "enabled" })));

        var item = Responses(reply).Single();
        Assert.Equal(204, item["status"]!.GetValue<int>());
        Assert.False(item.ContainsKey("body"));
    }

    [Fact]
    public async Task More_than_20_requests_is_400()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.PostAsync("/v1.0/$batch",
            Batch(Enumerable.Range(1, 21).Select(i => Item(i.ToString(), "GET", "/organization")).ToArray()));
        var twenty = await http.PostAsync("/v1.0/$batch",
            Batch(Enumerable.Range(1, 20).Select(i => Item(i.ToString(), "GET", "/organization")).ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("BadRequest", reply.ErrorCode);
        Assert.Contains("limit of 20", reply.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(20, Responses(twenty).Length);
        Assert.DoesNotContain(host.Requests, r => r.InBatch && r.Status != 200);
    }

    [Theory]
    [InlineData("duplicate")]
    [InlineData("unknown-dependency")]
    [InlineData("cycle")]
    [InlineData("body-without-content-type")]
    public async Task Malformed_batch_is_400_and_runs_nothing(string defect)
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);
        var body = defect switch
        {
            "duplicate" => Batch(Item("1", "GET", "/organization"), Item("1", "GET", "/users")),
            "unknown-dependency" => Batch(Item("1", "GET", "/organization", dependsOn: ["9"])),
            "cycle" => Batch(Item("1", "GET", "/organization", dependsOn: ["2"]), Item("2", "GET", "/users", dependsOn: ["1"])),
            _ => Batch(new JsonObject
            {
                ["id"] = "1", ["method"] = "POST", ["url"] = $"/users/{Contoso.Adele}/getMemberGroups",
                ["body"] = new JsonObject { ["securityEnabledOnly"] = true },
            }),
        };

        var reply = await http.PostAsync("/v1.0/$batch", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("BadRequest", reply.ErrorCode);
        Assert.DoesNotContain(host.Requests, r => r.InBatch);
    }

    [Fact]
    public async Task Batch_needs_a_token()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, null);

        var reply = await http.PostAsync("/v1.0/$batch", Batch(Item("1", "GET", "/organization")));

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    private static JsonObject Batch(params JsonObject[] requests) =>
        new() { ["requests"] = new JsonArray(requests.Select(r => (JsonNode?)r).ToArray()) };

    private static JsonObject Item(string id, string method, string url, JsonObject? body = null, string[]? dependsOn = null)
    {
        var item = new JsonObject { ["id"] = id, ["method"] = method, ["url"] = url };
        if (body is not null)
        {
            item["body"] = body;
            item["headers"] = new JsonObject { ["Content-Type"] = "application/json" };
        }

        if (dependsOn is not null)
        {
            item["dependsOn"] = new JsonArray(dependsOn.Select(d => (JsonNode?)d).ToArray());
        }

        return item;
    }

    private static JsonObject[] Responses(Reply reply) =>
        reply.Json["responses"]!.AsArray().Select(r => r!.AsObject()).ToArray();
}
