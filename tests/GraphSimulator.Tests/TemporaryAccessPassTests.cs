using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>POST users/{id}/authentication/temporaryAccessPassMethods: creation, replacement, policy and permissions.</summary>
public sealed class TemporaryAccessPassTests
{
    private const string TapType = "#microsoft.graph.temporaryAccessPassAuthenticationMethod";
    private static readonly string[] WriterRoles = [.. Contoso.DiagnosticsRoles, "UserAuthenticationMethod.ReadWrite.All"];

    private static string Taps(string user) => $"/v1.0/users/{user}/authentication/temporaryAccessPassMethods";

    [Fact]
    public async Task Create_returns_201_with_the_pass_once_and_reads_never_show_it()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var created = await http.PostAsync(Taps(Contoso.Nestor), new JsonObject { ["@odata.type"] = TapType });
        var listed = (await http.GetAsync(Taps(Contoso.Nestor))).Value.Single()!.AsObject();

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var tap = created.Json;
        Assert.EndsWith($"$metadata#users('{Contoso.Nestor}')/authentication/temporaryAccessPassMethods/$entity", tap["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(TapType, tap["@odata.type"]!.GetValue<string>());
        var pass = tap["temporaryAccessPass"]!.GetValue<string>();
        Assert.Equal(8, pass.Length);
        Assert.Equal(60, tap["lifetimeInMinutes"]!.GetValue<int>());
        Assert.True(tap["isUsableOnce"]!.GetValue<bool>());
        Assert.Equal("2026-03-02T09:00:00Z", tap["startDateTime"]!.GetValue<string>());
        Assert.True(tap["isUsable"]!.GetValue<bool>());
        Assert.Equal("EnabledByPolicy", tap["methodUsabilityReason"]!.GetValue<string>());
        Assert.Equal(tap["id"]!.GetValue<string>(), listed["id"]!.GetValue<string>());
        Assert.Null(listed["temporaryAccessPass"]);
        Assert.True(listed["isUsable"]!.GetValue<bool>());
        Assert.DoesNotContain(pass, (await http.GetAsync($"/v1.0/users/{Contoso.Nestor}/authentication/methods")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_takes_lifetime_start_and_use_from_the_body()
    {
        var tenant = Contoso.Load();
        SetTapPolicy(tenant, "isUsableOnce", false);
        await using var host = await Contoso.StartAsync(tenant);
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var created = (await http.PostAsync(Taps(Contoso.Nestor), new JsonObject
        {
            ["lifetimeInMinutes"] = 240,
            ["isUsableOnce"] = false,
            ["startDateTime"] = "2026-03-03T08:00:00Z",
        })).Json;

        Assert.Equal(240, created["lifetimeInMinutes"]!.GetValue<int>());
        Assert.False(created["isUsableOnce"]!.GetValue<bool>());
        Assert.Equal("2026-03-03T08:00:00Z", created["startDateTime"]!.GetValue<string>());
        Assert.False(created["isUsable"]!.GetValue<bool>());
        Assert.Equal("NotYetValid", created["methodUsabilityReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_without_isUsableOnce_follows_the_policy()
    {
        var tenant = Contoso.Load();
        SetTapPolicy(tenant, "isUsableOnce", false);
        await using var host = await Contoso.StartAsync(tenant);
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var created = (await http.PostAsync(Taps(Contoso.Nestor), new JsonObject())).Json;

        Assert.False(created["isUsableOnce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Create_replaces_the_existing_pass()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));
        var before = (await http.GetAsync(Taps(Contoso.Joni))).Value.Single()!["id"]!.GetValue<string>();

        var created = await http.PostAsync(Taps(Contoso.Joni), new JsonObject { ["isUsableOnce"] = true });
        var after = (await http.GetAsync(Taps(Contoso.Joni))).Ids;

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal([created.Json["id"]!.GetValue<string>()], after);
        Assert.NotEqual(before, after.Single());
    }

    [Fact]
    public async Task Create_for_a_user_outside_the_policy_succeeds_but_the_pass_is_not_usable()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var created = await http.PostAsync(Taps(Contoso.Megan), new JsonObject());

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.False(created.Json["isUsable"]!.GetValue<bool>());
        Assert.Equal("DisabledByPolicy", created.Json["methodUsabilityReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_of_a_multi_use_pass_while_the_policy_forces_one_time_is_400()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var refused = await http.PostAsync(Taps(Contoso.Nestor), new JsonObject { ["isUsableOnce"] = false });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("one-time", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty((await http.GetAsync(Taps(Contoso.Nestor))).Value);
    }

    [Theory]
    [InlineData(59, "(60 to 480 minutes)")]
    [InlineData(481, "(60 to 480 minutes)")]
    [InlineData(9, "between 10 and 43200")]
    [InlineData(43201, "between 10 and 43200")]
    public async Task Create_with_a_lifetime_outside_the_range_is_400(int lifetime, string named)
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var refused = await http.PostAsync(Taps(Contoso.Nestor), new JsonObject { ["lifetimeInMinutes"] = lifetime });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("BadRequest", refused.ErrorCode);
        Assert.Contains(named, refused.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(480)]
    public async Task Create_at_the_edges_of_the_policy_range_succeeds(int lifetime)
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var created = await http.PostAsync(Taps(Contoso.Nestor), new JsonObject { ["lifetimeInMinutes"] = lifetime });

        Assert.Equal(HttpStatusCode.Created, created.Status);
    }

    [Fact]
    public async Task Create_for_an_external_guest_is_refused_with_graphs_text()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var refused = await http.PostAsync(Taps(Contoso.Pat), new JsonObject());

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("Temporary Access Pass cannot be added to an external guest user.", refused.ErrorMessage);
    }

    [Fact]
    public async Task Create_for_an_internal_guest_succeeds()
    {
        var tenant = Contoso.Load();
        var pat = Contoso.User(tenant, Contoso.Pat);
        pat["externalUserState"] = null;
        pat["creationType"] = null;
        await using var host = await Contoso.StartAsync(tenant);
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var created = await http.PostAsync(Taps(Contoso.Pat), new JsonObject());

        Assert.Equal(HttpStatusCode.Created, created.Status);
    }

    [Theory]
    [InlineData("UserAuthenticationMethod.ReadWrite.All", HttpStatusCode.Created)]
    [InlineData("UserAuthMethod-TAP.ReadWrite.All", HttpStatusCode.Created)]
    [InlineData("UserAuthenticationMethod.Read.All", HttpStatusCode.Forbidden)]
    public async Task Create_needs_a_write_permission(string permission, HttpStatusCode expected)
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken([permission]));

        var reply = await http.PostAsync(Taps(Contoso.Nestor), new JsonObject());

        Assert.Equal(expected, reply.Status);
    }

    [Fact]
    public async Task Create_makes_a_pass_of_the_policys_length()
    {
        var tenant = Contoso.Load();
        SetTapPolicy(tenant, "defaultLength", 16);
        await using var host = await Contoso.StartAsync(tenant);
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var created = (await http.PostAsync(Taps(Contoso.Nestor), new JsonObject())).Json;

        Assert.Equal(16, created["temporaryAccessPass"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Create_with_a_wrongly_typed_property_is_400_and_creates_nothing()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));

        var refused = await http.PostAsync(Taps(Contoso.Nestor), new JsonObject { ["lifetimeInMinutes"] = "an hour" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Empty((await http.GetAsync(Taps(Contoso.Nestor))).Value);
    }

    [Fact]
    public async Task Reset_removes_created_passes_and_the_log_has_no_pass()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(WriterRoles));
        var pass = (await http.PostAsync(Taps(Contoso.Nestor), new JsonObject())).Json["temporaryAccessPass"]!.GetValue<string>();

        host.Reset();

        Assert.Empty((await http.GetAsync(Taps(Contoso.Nestor))).Value);
        var post = host.Requests.Single(r => r.Method == "POST");
        Assert.Equal(201, post.Status);
        Assert.DoesNotContain(host.Requests, r => r.ToString().Contains(pass, StringComparison.Ordinal));
    }

    private static void SetTapPolicy(JsonObject tenant, string name, JsonNode value) =>
        tenant["authenticationMethodsPolicy"]!["authenticationMethodConfigurations"]!.AsArray()
            .OfType<JsonObject>().Single(c => c["id"]!.GetValue<string>() == "TemporaryAccessPass")[name] = value;
}
