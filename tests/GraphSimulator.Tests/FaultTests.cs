using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Faults;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>Injected faults: what each looks like on the wire, and that a seed repeats them.</summary>
public sealed class FaultTests
{
    [Fact]
    public void Parse_reads_rates_and_names_what_is_wrong()
    {
        var faults = FaultOptions.Parse("503=0.01, 504=0.02,reset=0.005,slow=0.1", slowResponseMs: 250);

        Assert.Equal((0.01, 0.02, 0.005, 0.1, 250), (faults.ServiceUnavailableRate, faults.GatewayTimeoutRate, faults.ConnectionResetRate, faults.SlowResponseRate, faults.SlowResponseMs));
        Assert.Contains("'500'", Assert.Throws<ArgumentException>(() => FaultOptions.Parse("500=0.1")).Message, StringComparison.Ordinal);
        Assert.Contains("'503=2'", Assert.Throws<ArgumentException>(() => FaultOptions.Parse("503=2")).Message, StringComparison.Ordinal);
        Assert.Contains("more than 1", Assert.Throws<ArgumentException>(() => FaultOptions.Parse("503=0.6,504=0.6")).Message, StringComparison.Ordinal);
        Assert.False(FaultOptions.Parse("").Any);
    }

    [Fact]
    public async Task Service_unavailable_is_503_with_Retry_After()
    {
        await using var host = await StartAsync(new FaultOptions { ServiceUnavailableRate = 1, RetryAfterSeconds = 3 });
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, reply.Status);
        Assert.Equal("serviceNotAvailable", reply.ErrorCode);
        Assert.Equal("3", reply.Header("Retry-After"));
        Assert.Equal(("503", 3), (host.Requests.Single().Fault, host.Requests.Single().RetryAfterSeconds));
    }

    [Fact]
    public async Task Gateway_timeout_is_504_without_Retry_After()
    {
        await using var host = await StartAsync(new FaultOptions { GatewayTimeoutRate = 1 });
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}");

        Assert.Equal(HttpStatusCode.GatewayTimeout, reply.Status);
        Assert.Equal("GatewayTimeout", reply.ErrorCode);
        Assert.Null(reply.Header("Retry-After"));
    }

    [Fact]
    public async Task Reset_drops_the_connection_and_is_logged_with_status_0()
    {
        await using var host = await StartAsync(new FaultOptions { ConnectionResetRate = 1 });
        using var http = GraphHttp.Diagnostics(host);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"/v1.0/users/{Contoso.Adele}"));

        Assert.Equal((0, "reset"), (host.Requests.Single().Status, host.Requests.Single().Fault));
    }

    [Fact]
    public async Task Reset_never_hits_a_batch_item()
    {
        var stage = new FaultStage(new FaultOptions { ConnectionResetRate = 1 }, new SeededDice(1, 1));
        var item = new GraphRequest("GET", "v1.0", RequestTarget.Parse("users"), new System.Collections.Generic.Dictionary<string, string>(), ReadOnlyMemory<byte>.Empty, new Uri("http://127.0.0.1/"))
        {
            InBatch = true,
        };

        var answer = await stage.InvokeAsync(new GraphCall(item, null!), CancellationToken.None);

        Assert.Null(answer);
    }

    [Fact]
    public async Task Slow_responses_are_served_after_the_delay_and_logged()
    {
        await using var host = await StartAsync(new FaultOptions { SlowResponseRate = 1, SlowResponseMs = 20 });
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("slow", host.Requests.Single().Fault);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults_and_another_seed_other_faults()
    {
        var faults = new FaultOptions { ServiceUnavailableRate = 0.2, GatewayTimeoutRate = 0.2 };

        var first = await StatusesAsync(faults, seed: 7);
        var again = await StatusesAsync(faults, seed: 7);
        var other = await StatusesAsync(faults, seed: 8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains(503, first);
        Assert.Contains(504, first);
        Assert.Contains(200, first);
    }

    [Fact]
    public async Task Batch_items_roll_their_own_faults_inside_the_envelope()
    {
        await using var host = await StartAsync(new FaultOptions { ServiceUnavailableRate = 0.5 }, seed: 3);
        using var http = GraphHttp.Diagnostics(host);
        var requests = new System.Text.Json.Nodes.JsonArray(Enumerable.Range(0, 20)
            .Select(i => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject { ["id"] = $"{i}", ["method"] = "GET", ["url"] = $"/users/{Contoso.Adele}" }).ToArray());

        Reply reply;
        do
        {
            reply = await http.PostAsync("/v1.0/$batch", new System.Text.Json.Nodes.JsonObject { ["requests"] = requests.DeepClone() });
        }
        while (reply.Status != HttpStatusCode.OK);

        var statuses = reply.Json["responses"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()).ToArray();
        Assert.Contains(503, statuses);
        Assert.Contains(200, statuses);
    }

    private static async Task<int[]> StatusesAsync(FaultOptions faults, int seed)
    {
        await using var host = await StartAsync(faults, seed);
        using var http = GraphHttp.Diagnostics(host);
        var statuses = new int[30];
        for (var i = 0; i < statuses.Length; i++)
        {
            statuses[i] = (int)(await http.GetAsync($"/v1.0/users/{Contoso.Adele}")).Status;
        }

        return statuses;
    }

    private static Task<SimulatorHost> StartAsync(FaultOptions faults, int seed = 42) =>
        SimulatorHost.StartAsync(new SimulatorOptions { Tenant = Contoso.Load(), FixedNow = Contoso.Now, Faults = faults, Seed = seed });
}
