using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

[Collection(SharedSimulatorCollection.Name)]
public sealed class AuthenticationMethodsTests(SharedSimulator shared)
{
    private const string TapType = "#microsoft.graph.temporaryAccessPassAuthenticationMethod";
    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task Methods_are_served_as_stored_with_their_types()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Lynne}/authentication/methods");

        Assert.EndsWith($"$metadata#users('{Contoso.Lynne}')/authentication/methods", reply.Json["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(
            ["#microsoft.graph.passwordAuthenticationMethod", "#microsoft.graph.fido2AuthenticationMethod"],
            reply.Value.Select(m => m!["@odata.type"]!.GetValue<string>()).ToArray());
        var passkey = reply.Value[1]!;
        Assert.Equal("90a3ccdf-635c-4729-a248-9b709135078f", passkey["aaGuid"]!.GetValue<string>());
        Assert.Equal("deviceBound", passkey["passkeyType"]!.GetValue<string>());
        Assert.Equal("attested", passkey["attestationLevel"]!.GetValue<string>());
        Assert.Equal("28c10230-6103-485e-b985-444c60001490", reply.Value[0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Typed_collections_hold_only_their_type()
    {
        using var http = GraphHttp.Diagnostics(Host);

        var lynne = await http.GetAsync($"/v1.0/users/{Contoso.Lynne}/authentication/fido2Methods");
        var adele = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/authentication/fido2Methods");
        var isaiah = await http.GetAsync("/beta/users/IsaiahL@contoso.com/authentication/softwareOathMethods");
        var alex = await http.GetAsync($"/v1.0/users/{Contoso.Alex}/authentication/phoneMethods");

        Assert.Equal(["yGE7ZzXkQkyv5GT2pN0cqw2"], lynne.Ids);
        Assert.Empty(adele.Value);
        Assert.Equal(["bf1e03ea-198c-4dc2-96ac-164d7db45917"], isaiah.Ids);
        Assert.Equal("mobile", alex.Value.Single()!["phoneType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Single_method_by_id_and_unknown_method_is_404()
    {
        using var http = GraphHttp.Diagnostics(Host);

        var passkey = await http.GetAsync($"/v1.0/users/{Contoso.Lynne}/authentication/fido2Methods/yGE7ZzXkQkyv5GT2pN0cqw2");
        var viaMethods = await http.GetAsync($"/v1.0/users/{Contoso.Lynne}/authentication/methods/yGE7ZzXkQkyv5GT2pN0cqw2");
        var wrongCollection = await http.GetAsync($"/v1.0/users/{Contoso.Lynne}/authentication/phoneMethods/yGE7ZzXkQkyv5GT2pN0cqw2");
        var unknownUser = await http.GetAsync("/v1.0/users/ghost@contoso.com/authentication/methods");

        Assert.Equal("Microsoft Authenticator - iOS", passkey.Json["model"]!.GetValue<string>());
        Assert.EndsWith("/authentication/fido2Methods/$entity", passkey.Json["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, viaMethods.Status);
        Assert.Equal(HttpStatusCode.NotFound, wrongCollection.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.Status);
    }

    [Fact]
    public async Task Usable_tap_is_enabled_by_policy_and_never_shows_the_pass()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Joni}/authentication/temporaryAccessPassMethods");

        var tap = reply.Value.Single()!.AsObject();
        Assert.True(tap.ContainsKey("temporaryAccessPass"));
        Assert.Null(tap["temporaryAccessPass"]);
        Assert.True(tap["isUsable"]!.GetValue<bool>());
        Assert.Equal("EnabledByPolicy", tap["methodUsabilityReason"]!.GetValue<string>());
        Assert.Equal("2026-03-02T08:50:00Z", tap["startDateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expired_tap_is_not_usable()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var tap = (await http.GetAsync($"/v1.0/users/{Contoso.Grady}/authentication/methods/94d9196a-0bec-4d79-8471-fe4f3ba6aa6a")).Json;

        Assert.False(tap["isUsable"]!.GetValue<bool>());
        Assert.Equal("Expired", tap["methodUsabilityReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tap_usability_covers_not_yet_valid_one_time_used_and_policy()
    {
        var tenant = Contoso.Load();
        AddTap(tenant, Contoso.Alex, "10000000-0000-4000-8000-000000000001", "@now+1h", used: false);
        AddTap(tenant, Contoso.Nestor, "10000000-0000-4000-8000-000000000002", "@now-5m", used: true);
        AddTap(tenant, Contoso.Megan, "10000000-0000-4000-8000-000000000003", "@now-5m", used: false);
        AddTap(tenant, Contoso.Conor, "10000000-0000-4000-8000-000000000004", "@now-60m", used: false);
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        async Task<JsonObject> TapOf(string user) =>
            (await http.GetAsync($"/v1.0/users/{user}/authentication/temporaryAccessPassMethods")).Value.Single()!.AsObject();

        var notYet = await TapOf(Contoso.Alex);
        var used = await TapOf(Contoso.Nestor);
        var notTargeted = await TapOf(Contoso.Megan);
        var endOfLifetime = await TapOf(Contoso.Conor);

        Assert.Equal("NotYetValid", notYet["methodUsabilityReason"]!.GetValue<string>());
        Assert.Equal("OneTimeUsed", used["methodUsabilityReason"]!.GetValue<string>());
        Assert.False(used.ContainsKey("used"));
        Assert.Equal("DisabledByPolicy", notTargeted["methodUsabilityReason"]!.GetValue<string>());
        Assert.False(notTargeted["isUsable"]!.GetValue<bool>());
        Assert.Equal("Expired", endOfLifetime["methodUsabilityReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tap_of_a_user_in_a_tap_exclude_target_is_disabled_by_policy()
    {
        var tenant = Contoso.Load();
        var tap = tenant["authenticationMethodsPolicy"]!["authenticationMethodConfigurations"]!.AsArray()
            .OfType<JsonObject>().Single(c => c["id"]!.GetValue<string>() == "TemporaryAccessPass");
        tap["excludeTargets"] = new JsonArray(new JsonObject { ["id"] = Contoso.Joni, ["targetType"] = "user" });
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Joni}/authentication/temporaryAccessPassMethods");

        Assert.Equal("DisabledByPolicy", reply.Value.Single()!["methodUsabilityReason"]!.GetValue<string>());
    }

    private static void AddTap(JsonObject tenant, string userId, string methodId, string start, bool used)
    {
        var method = new JsonObject
        {
            ["@odata.type"] = TapType,
            ["id"] = methodId,
            ["temporaryAccessPass"] = null,
            ["createdDateTime"] = start,
            ["startDateTime"] = start,
            ["lifetimeInMinutes"] = 60,
            ["isUsableOnce"] = true,
        };
        if (used)
        {
            method["used"] = true;
        }

        Contoso.User(tenant, userId)["methods"]!.AsArray().Add(method);
    }
}
