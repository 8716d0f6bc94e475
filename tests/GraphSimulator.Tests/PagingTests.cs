using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

[Collection(SharedSimulatorCollection.Name)]
public sealed class PagingTests(SharedSimulator shared)
{
    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task Following_next_links_sees_every_user_once()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var (ids, links, pageSizes) = await ReadAllAsync(http, "/v1.0/users?$top=5");

        Assert.Equal(Contoso.PageSizes(Contoso.UserCount, 5), pageSizes);
        Assert.Equal(Contoso.UserCount, ids.Count);
        Assert.Equal(Contoso.UserCount, ids.Distinct().Count());
        Assert.Equal(links.Count, links.Distinct().Count());
        Assert.All(links, link =>
        {
            Assert.StartsWith(Host.GraphBaseUri.AbsoluteUri + "v1.0/users?", link, StringComparison.Ordinal);
            Assert.Contains("$skiptoken=", link, StringComparison.Ordinal);
            Assert.Contains("$top=5", link, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Next_links_keep_filter_and_select()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var filter = Uri.EscapeDataString("accountEnabled eq true");
        var pages = new List<Reply>();
        string? next = $"/v1.0/users?$filter={filter}&$select=displayName&$top=4";
        while (next is not null)
        {
            var reply = await http.GetAsync(next);
            pages.Add(reply);
            next = reply.Json["@odata.nextLink"]?.GetValue<string>();
        }

        var items = pages.SelectMany(p => p.Value).ToList();
        Assert.Equal(Contoso.UserCount - 1, items.Count);
        Assert.DoesNotContain(items, i => i!["id"]!.GetValue<string>() == Contoso.Irvin);
        Assert.All(items, i => Assert.Equal(["id", "displayName"], i!.AsObject().Select(p => p.Key).ToArray()));
    }

    [Fact]
    public async Task Count_is_the_total_before_paging()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/users?$top=5&$count=true");

        Assert.Equal(Contoso.UserCount, reply.Json["@odata.count"]!.GetValue<int>());
        Assert.Equal(5, reply.Value.Count);
    }

    [Theory]
    [InlineData("/v1.0/users?$top=1000", "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.")]
    [InlineData("/v1.0/users?$top=0", "Invalid page size specified: '0'. Must be between 1 and 999 inclusive.")]
    [InlineData("/v1.0/users/" + Contoso.Adele + "/transitiveMemberOf?$top=1000", "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.")]
    public async Task Top_outside_the_endpoint_range_is_400(string url, string message)
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Request_BadRequest", reply.ErrorCode);
        Assert.Equal(message, reply.ErrorMessage);
    }

    [Fact]
    public async Task Max_top_is_accepted()
    {
        using var http = GraphHttp.Diagnostics(Host);
        Assert.Equal(Contoso.UserCount, (await http.GetAsync("/v1.0/users?$top=999")).Value.Count);
    }

    [Fact]
    public async Task Forged_or_foreign_skiptoken_is_400()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var first = await http.GetAsync("/v1.0/users?$top=5");
        var token = first.Json["@odata.nextLink"]!.GetValue<string>().Split("$skiptoken=")[1];

        var foreign = await http.GetAsync($"/v1.0/groups?$top=5&$skiptoken={token}");
        var garbage = await http.GetAsync("/v1.0/users?$top=5&$skiptoken=bm90LWEtdG9rZW4");

        Assert.Equal("Request_BadRequest", foreign.ErrorCode);
        Assert.Equal("Request_BadRequest", garbage.ErrorCode);
    }

    [Fact]
    public async Task Transitive_members_page_through_nested_groups()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var (ids, links, _) = await ReadAllAsync(http, $"/v1.0/groups/{Contoso.PasskeyUsers}/transitiveMembers?$top=3");

        // Engineering and Passkey Wave 2 (nested groups) with their members, and the direct members.
        var expected = Contoso.TransitiveMemberIds(Contoso.Load(), Contoso.PasskeyUsers);
        Assert.Equal(expected.OrderBy(id => id), ids.OrderBy(id => id));
        Assert.Contains(Contoso.Adele, ids);
        Assert.Contains(Contoso.Engineering, ids);
        Assert.Equal(Contoso.PageSizes(expected.Length, 3).Length - 1, links.Count);
    }

    private static async Task<(List<string> Ids, List<string> Links, List<int> PageSizes)> ReadAllAsync(GraphHttp http, string first)
    {
        var ids = new List<string>();
        var links = new List<string>();
        var sizes = new List<int>();
        string? next = first;
        while (next is not null)
        {
            var reply = await http.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, reply.Status);
            ids.AddRange(reply.Ids);
            sizes.Add(reply.Value.Count);
            next = reply.Json["@odata.nextLink"]?.GetValue<string>();
            if (next is not null)
            {
                links.Add(next);
            }
        }

        return (ids, links, sizes);
    }
}
