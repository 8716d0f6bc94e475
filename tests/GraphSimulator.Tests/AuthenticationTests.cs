using System;
using System.Buffers.Text;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

[Collection(SharedSimulatorCollection.Name)]
public sealed class AuthenticationTests(SharedSimulator shared)
{
    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task Missing_token_is_401_access_token_is_empty()
    {
        using var http = new GraphHttp(Host, token: null);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("InvalidAuthenticationToken", reply.ErrorCode);
        Assert.Equal("Access token is empty.", reply.ErrorMessage);
    }

    [Fact]
    public async Task Malformed_token_is_401_validation_failed()
    {
        using var http = new GraphHttp(Host, "not-a-jwt");
        var reply = await http.GetAsync("/v1.0/users");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("InvalidAuthenticationToken", reply.ErrorCode);
        Assert.Contains("validation failed", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_with_altered_claims_fails_signature_validation()
    {
        var token = Host.IssueToken(["Policy.Read.All"]);
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["roles"] = new JsonArray("UserAuthenticationMethod.Read.All");
        var forged = parts[0] + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())) + "." + parts[2];

        using var http = new GraphHttp(Host, forged);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/authentication/methods");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Contains("signature validation failed", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_from_another_simulator_is_refused()
    {
        await using var other = await Contoso.StartAsync();
        using var http = new GraphHttp(Host, other.IssueToken(Contoso.DiagnosticsRoles));

        var reply = await http.GetAsync("/v1.0/users");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("InvalidAuthenticationToken", reply.ErrorCode);
    }

    [Fact]
    public async Task Expired_token_is_401_lifetime_validation_failed()
    {
        using var http = new GraphHttp(Host, Host.IssueToken(Contoso.DiagnosticsRoles, lifetime: TimeSpan.FromMinutes(-5)));
        var reply = await http.GetAsync("/v1.0/users");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("Lifetime validation failed, the token is expired.", reply.ErrorMessage);
    }

    [Fact]
    public async Task Missing_permission_is_403_without_echoing_the_token()
    {
        var token = Host.IssueToken(["User.Read.All", "Policy.Read.All"], Contoso.ReaderAppId);
        using var http = new GraphHttp(Host, token);

        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/authentication/methods");

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("Authorization_RequestDenied", reply.ErrorCode);
        Assert.Equal("Insufficient privileges to complete the operation.", reply.ErrorMessage);
        foreach (var part in token.Split('.'))
        {
            Assert.DoesNotContain(part, reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reader_app_reads_users_and_policy_but_not_memberships()
    {
        using var http = new GraphHttp(Host, Host.IssueToken(["User.Read.All", "Policy.Read.All"], Contoso.ReaderAppId));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/v1.0/users/{Contoso.Adele}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1.0/policies/authenticationMethodsPolicy")).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/v1.0/users/{Contoso.Adele}/transitiveMemberOf")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/v1.0/groups/{Contoso.PasskeyUsers}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/v1.0/organization")).Status);
    }

    [Fact]
    public async Task Any_one_listed_permission_suffices()
    {
        using var http = new GraphHttp(Host, Host.IssueToken(["Directory.Read.All"]));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1.0/users?$top=1")).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/v1.0/groups/{Contoso.Engineering}/members")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/v1.0/identity/conditionalAccess/policies")).Status);
    }

    [Fact]
    public async Task Delegated_token_uses_scopes_and_me_is_the_signed_in_user()
    {
        using var allowed = new GraphHttp(Host, Host.IssueDelegatedToken(["User.Read.All"], "AdeleV@contoso.com"));
        using var denied = new GraphHttp(Host, Host.IssueDelegatedToken(["Mail.Read"], "AdeleV@contoso.com"));

        var me = await allowed.GetAsync("/v1.0/me");

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(Contoso.Adele, me.Json["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await denied.GetAsync("/v1.0/me")).Status);
    }

    [Fact]
    public async Task Me_with_an_app_token_is_400()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/me");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("delegated", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sim_token_endpoint_issues_standard_jwts()
    {
        using var raw = new HttpClient { BaseAddress = Host.GraphBaseUri };
        var app = await raw.PostAsync("/_sim/token", new StringContent("""{"roles":["User.Read.All"]}""", Encoding.UTF8, "application/json"));
        var delegated = await raw.PostAsync("/_sim/token", new StringContent("""{"scp":"User.Read.All Policy.Read.All","upn":"o'brien@contoso.com"}""", Encoding.UTF8, "application/json"));

        var appClaims = Claims(JsonNode.Parse(await app.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>());
        var userClaims = Claims(JsonNode.Parse(await delegated.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>());

        Assert.Equal("https://graph.microsoft.com", appClaims["aud"]!.GetValue<string>());
        Assert.Equal($"https://sts.windows.net/{Contoso.TenantId}/", appClaims["iss"]!.GetValue<string>());
        Assert.Equal(Contoso.TenantId, appClaims["tid"]!.GetValue<string>());
        Assert.Equal(Contoso.DiagnosticsAppId, appClaims["appid"]!.GetValue<string>());
        Assert.Equal("User.Read.All", appClaims["roles"]![0]!.GetValue<string>());
        Assert.Equal(3600, appClaims["exp"]!.GetValue<long>() - appClaims["iat"]!.GetValue<long>());
        Assert.Equal("User.Read.All Policy.Read.All", userClaims["scp"]!.GetValue<string>());
        Assert.Equal("o'brien@contoso.com", userClaims["upn"]!.GetValue<string>());
        Assert.Equal(Contoso.Conor, userClaims["oid"]!.GetValue<string>());
        Assert.Equal("Conor O'Brien", userClaims["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sim_token_can_be_issued_already_expired()
    {
        using var raw = new HttpClient { BaseAddress = Host.GraphBaseUri };
        var response = await raw.PostAsync("/_sim/token",
            new StringContent("""{"roles":["User.Read.All"],"expiresInSeconds":0}""", Encoding.UTF8, "application/json"));
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();

        using var http = new GraphHttp(Host, token);
        Assert.Equal("Lifetime validation failed, the token is expired.", (await http.GetAsync("/v1.0/users")).ErrorMessage);
    }

    private static JsonObject Claims(string token) =>
        JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();
}
