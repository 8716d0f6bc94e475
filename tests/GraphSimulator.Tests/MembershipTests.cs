using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

[Collection(SharedSimulatorCollection.Name)]
public sealed class MembershipTests(SharedSimulator shared)
{
    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task MemberOf_is_direct_and_polymorphic()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/memberOf");

        Assert.Equal([Contoso.Engineering], reply.Ids);
        Assert.Equal("#microsoft.graph.group", reply.Value[0]!["@odata.type"]!.GetValue<string>());
        Assert.Equal("Engineering", reply.Value[0]!["displayName"]!.GetValue<string>());
        Assert.Null(reply.Value[0]!["members"]);
        Assert.EndsWith("$metadata#directoryObjects", reply.Json["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransitiveMemberOf_follows_nesting_and_honours_select()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/transitiveMemberOf?$select=displayName");

        Assert.Equal([Contoso.Engineering, Contoso.PasskeyUsers, Contoso.TapOnboarding], reply.Ids);
        Assert.All(reply.Value, g => Assert.Equal(["@odata.type", "id", "displayName"], g!.AsObject().Select(p => p.Key).ToArray()));
    }

    [Fact]
    public async Task TransitiveMemberOf_group_cast_is_served()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync($"/v1.0/users/{Contoso.LeeGu}/transitiveMemberOf/microsoft.graph.group?$count=true");

        Assert.Equal(4, reply.Json["@odata.count"]!.GetValue<int>());
        Assert.Contains(Contoso.PasskeyExclusions, reply.Ids);
        Assert.EndsWith("$metadata#groups", reply.Json["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckMemberGroups_is_transitive_through_nesting()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var body = new JsonObject { ["groupIds"] = new JsonArray(Contoso.PasskeyUsers, Contoso.Contractors, Contoso.PasskeyExclusions) };

        var adele = await http.PostAsync($"/v1.0/users/{Contoso.Adele}/checkMemberGroups", body.DeepClone());
        var lee = await http.PostAsync($"/v1.0/users/{Contoso.LeeGu}/checkMemberGroups", body.DeepClone());
        var megan = await http.PostAsync("/v1.0/users/MeganB@contoso.com/checkMemberGroups", body.DeepClone());

        Assert.Equal(HttpStatusCode.OK, adele.Status);
        Assert.EndsWith("$metadata#Collection(Edm.String)", adele.Json["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([Contoso.PasskeyUsers], Strings(adele));
        Assert.Equal([Contoso.PasskeyUsers, Contoso.PasskeyExclusions], Strings(lee));
        Assert.Equal([Contoso.Contractors], Strings(megan));
    }

    [Fact]
    public async Task CheckMemberGroups_refuses_more_than_20_ids()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var ids = new JsonArray(Enumerable.Range(0, 21).Select(_ => (JsonNode?)Guid.NewGuid().ToString()).ToArray());
        var twenty = new JsonArray(Enumerable.Range(0, 20).Select(_ => (JsonNode?)Guid.NewGuid().ToString()).ToArray());

        var tooMany = await http.PostAsync($"/v1.0/users/{Contoso.Adele}/checkMemberGroups", new JsonObject { ["groupIds"] = ids });
        var limit = await http.PostAsync($"/v1.0/users/{Contoso.Adele}/checkMemberGroups", new JsonObject { ["groupIds"] = twenty });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal("Request_BadRequest", tooMany.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, limit.Status);
        Assert.Empty(limit.Value);
    }

    [Fact]
    public async Task GetMemberGroups_returns_transitive_ids()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.PostAsync($"/v1.0/users/{Contoso.Conor}/getMemberGroups", new JsonObject { ["securityEnabledOnly"] = true });

        Assert.Equal([Contoso.Engineering, Contoso.PasskeyUsers, Contoso.TapOnboarding], Strings(reply));
    }

    [Fact]
    public async Task Group_members_are_users_and_groups_with_their_types()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var members = await http.GetAsync($"/v1.0/groups/{Contoso.PasskeyUsers}/members");
        var users = await http.GetAsync($"/v1.0/groups/{Contoso.PasskeyUsers}/members/microsoft.graph.user");

        var tenant = Contoso.Load();
        var expected = Contoso.MemberIds(tenant, Contoso.PasskeyUsers);
        Assert.Equal(expected.Length, members.Value.Count);
        var engineering = members.Value.Single(m => m!["id"]!.GetValue<string>() == Contoso.Engineering)!;
        Assert.Equal("#microsoft.graph.group", engineering["@odata.type"]!.GetValue<string>());
        var alex = members.Value.Single(m => m!["id"]!.GetValue<string>() == Contoso.Alex)!;
        Assert.Equal("#microsoft.graph.user", alex["@odata.type"]!.GetValue<string>());
        Assert.Equal("AlexW@contoso.com", alex["userPrincipalName"]!.GetValue<string>());
        Assert.Equal(expected.Count(id => Contoso.IsUser(tenant, id)), users.Value.Count);
        Assert.DoesNotContain(Contoso.Engineering, users.Ids);
    }

    [Fact]
    public async Task Groups_list_filters_and_unknown_group_is_404()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var engineering = await http.GetAsync("/v1.0/groups?$filter=" + Uri.EscapeDataString("displayName eq 'engineering'"));
        var unknown = await http.GetAsync("/v1.0/groups/0e78086c-4b51-4fd9-a631-839e848bce8f");

        Assert.Equal([Contoso.Engineering], engineering.Ids);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Request_ResourceNotFound", unknown.ErrorCode);
    }

    [Fact]
    public async Task Deleted_group_is_404_and_no_longer_a_parent()
    {
        var tenant = Contoso.Load();
        var engineering = tenant["groups"]!.AsArray().OfType<JsonObject>().Single(g => g["id"]!.GetValue<string>() == Contoso.Engineering);
        engineering["deletedDateTime"] = "@now-1d";
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        var group = await http.GetAsync($"/v1.0/groups/{Contoso.Engineering}");
        var adele = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/transitiveMemberOf");
        var passkeyMembers = await http.GetAsync($"/v1.0/groups/{Contoso.PasskeyUsers}/members");

        Assert.Equal(HttpStatusCode.NotFound, group.Status);
        Assert.Empty(adele.Value);
        Assert.Equal(Contoso.MemberIds(tenant, Contoso.PasskeyUsers).Length, passkeyMembers.Value.Count);
        Assert.DoesNotContain(Contoso.Engineering, passkeyMembers.Ids);
    }

    private static string[] Strings(Reply reply) => reply.Value.Select(v => v!.GetValue<string>()).ToArray();
}
