using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

public sealed class RequestLogTests
{
    private const int TimerTickMs = 16;

    [Fact]
    public async Task Log_lists_graph_calls_in_order_and_not_the_control_endpoints()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);
        using var control = new HttpClient { BaseAddress = host.GraphBaseUri };

        await http.GetAsync("/v1.0/users?$top=2");
        await http.GetAsync("/v1.0/users/ghost@contoso.com");
        await new GraphHttp(host, null).GetAsync("/beta/organization");
        var entries = JsonNode.Parse(await control.GetStringAsync("/_sim/requests"))!.AsArray();

        Assert.Equal(3, entries.Count);
        Assert.Equal(["/v1.0/users?$top=2", "/v1.0/users/ghost@contoso.com", "/beta/organization"],
            entries.Select(e => e!["path"]!.GetValue<string>()).ToArray());
        Assert.Equal([200, 404, 401], entries.Select(e => e!["status"]!.GetValue<int>()).ToArray());
        Assert.Equal(Contoso.DiagnosticsAppId, entries[0]!["appId"]!.GetValue<string>());
        Assert.Null(entries[2]!["appId"]);
        Assert.False(entries[0]!["inBatch"]!.GetValue<bool>());
        Assert.Null(entries[0]!["batchRequestId"]);
        Assert.Equal("GET", entries[0]!["method"]!.GetValue<string>());
        Assert.Equal(Contoso.Now, DateTimeOffset.Parse(entries[0]!["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Delete_clears_the_log()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);
        using var control = new HttpClient { BaseAddress = host.GraphBaseUri };
        await http.GetAsync("/v1.0/organization");

        var cleared = await control.DeleteAsync("/_sim/requests");
        await http.GetAsync("/v1.0/users?$top=1");

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal("/v1.0/users?$top=1", Assert.Single(host.Requests).Path);
    }

    [Fact]
    public async Task Latency_is_added_once_per_top_level_request()
    {
        await using var host = await Contoso.StartAsync(latencyMs: 300);
        using var http = GraphHttp.Diagnostics(host);
        var clock = Stopwatch.StartNew();

        var reply = await http.GetAsync("/v1.0/organization");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        // A lower bound only (load makes it later, never sooner). Task.Delay may fire up to a timer tick early, and
        // ElapsedMilliseconds truncates, so 299 ms was seen for a 300 ms delay; a tick's slack still tells 300 ms of
        // latency from none.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300 - TimerTickMs), $"answered after {clock.Elapsed.TotalMilliseconds:0.0} ms");
    }
}
