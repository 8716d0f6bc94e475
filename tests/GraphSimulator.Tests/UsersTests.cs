using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

[Collection(SharedSimulatorCollection.Name)]
public sealed class UsersTests(SharedSimulator shared)
{
    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task User_by_id_has_graphs_default_projection()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(new Uri(Host.GraphBaseUri, "v1.0/$metadata#users/$entity").AbsoluteUri, reply.Json["@odata.context"]!.GetValue<string>());
        Assert.Equal(
            ["@odata.context", "id", "businessPhones", "displayName", "givenName", "jobTitle", "mail", "mobilePhone",
             "officeLocation", "preferredLanguage", "surname", "userPrincipalName"],
            reply.Json.Select(p => p.Key).ToArray());
        Assert.Equal("Adele Vance", reply.Json["displayName"]!.GetValue<string>());
        Assert.Null(reply.Json["mobilePhone"]);
        Assert.Equal("+1 425 555 0109", reply.Json["businessPhones"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task User_by_upn_is_case_insensitive()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/users/adelev%40CONTOSO.com");

        Assert.Equal(Contoso.Adele, reply.Json["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/v1.0/users/o'brien%40contoso.com")]
    [InlineData("/v1.0/users/o%27brien%40contoso.com")]
    [InlineData("/v1.0/users('o''brien@contoso.com')")]
    [InlineData("/v1.0/users('o%27%27brien%40contoso.com')")]
    [InlineData("/beta/users/O'Brien@Contoso.com")]
    public async Task User_with_an_apostrophe_is_found_in_every_key_form(string url)
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Contoso.Conor, reply.Json["id"]!.GetValue<string>());
        Assert.Equal("o'brien@contoso.com", reply.Json["userPrincipalName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("nobody@contoso.com")]
    [InlineData("0e78086c-4b51-4fd9-a631-839e848bce8f")]
    [InlineData("AdeleV")]
    public async Task Unknown_or_malformed_key_is_404_naming_the_key(string key)
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/users/" + Uri.EscapeDataString(key));

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("Request_ResourceNotFound", reply.ErrorCode);
        Assert.Equal($"Resource '{key}' does not exist or one of its queried reference-property objects are not present.", reply.ErrorMessage);
    }

    [Fact]
    public async Task Select_returns_exactly_id_and_the_selected_stored_properties()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Pat}?$select=accountEnabled,userType,creationType,externalUserState,createdDateTime");

        Assert.Equal(
            ["@odata.context", "id", "accountEnabled", "userType", "creationType", "externalUserState", "createdDateTime"],
            reply.Json.Select(p => p.Key).ToArray());
        Assert.EndsWith("#users(accountEnabled,userType,creationType,externalUserState,createdDateTime)/$entity",
            reply.Json["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(reply.Json["accountEnabled"]!.GetValue<bool>());
        Assert.Equal("Guest", reply.Json["userType"]!.GetValue<string>());
        Assert.Equal("Invitation", reply.Json["creationType"]!.GetValue<string>());
        Assert.Equal("Accepted", reply.Json["externalUserState"]!.GetValue<string>());
    }

    [Fact]
    public async Task Select_of_an_unset_property_is_null_and_internal_methods_never_leak()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Irvin}?$select=accountEnabled,onPremisesSyncEnabled,methods");

        Assert.False(reply.Json["accountEnabled"]!.GetValue<bool>());
        Assert.True(reply.Json.ContainsKey("onPremisesSyncEnabled"));
        Assert.Null(reply.Json["onPremisesSyncEnabled"]);
        Assert.Null(reply.Json["methods"]);
        Assert.DoesNotContain("passwordAuthenticationMethod", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_list_default_projection_hides_methods()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/users");

        Assert.Equal(Contoso.UserCount, reply.Value.Count);
        Assert.Null(reply.Json["@odata.nextLink"]);
        Assert.DoesNotContain("\"methods\"", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("accountEnabled", reply.Text, StringComparison.Ordinal);
    }
}
