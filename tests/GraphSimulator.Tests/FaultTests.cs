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
        var more = FaultOptions.Parse("429=0.01,429-no-retry-after=0.02,html=0.03,truncated=0.04,drop=0.05,rewrite=0.06");

        Assert.Equal((0.01, 0.02, 0.005, 0.1, 250), (faults.ServiceUnavailableRate, faults.GatewayTimeoutRate, faults.ConnectionResetRate, faults.SlowResponseRate, faults.SlowResponseMs));
        Assert.Equal((0.01, 0.02, 0.03, 0.04, 0.05, 0.06), (more.ThrottledRate, more.ThrottledWithoutRetryAfterRate, more.HtmlBodyRate, more.TruncatedBodyRate, more.DroppedItemRate, more.RewrittenItemRate));
        Assert.Contains("'500'", Assert.Throws<ArgumentException>(() => FaultOptions.Parse("500=0.1")).Message, StringComparison.Ordinal);
        Assert.Contains("429-no-retry-after", Assert.Throws<ArgumentException>(() => FaultOptions.Parse("500=0.1")).Message, StringComparison.Ordinal);
        Assert.Contains("more than 1", Assert.Throws<ArgumentException>(() => FaultOptions.Parse("html=0.6,rewrite=0.6")).Message, StringComparison.Ordinal);
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

    [Theory]
    [InlineData(true, "2")]
    [InlineData(false, null)]
    public async Task Throttled_is_429_with_or_without_Retry_After(bool withRetryAfter, string? retryAfter)
    {
        await using var host = await StartAsync(withRetryAfter
            ? new FaultOptions { ThrottledRate = 1, RetryAfterSeconds = 2 }
            : new FaultOptions { ThrottledWithoutRetryAfterRate = 1 });
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}");

        Assert.Equal((HttpStatusCode.TooManyRequests, "TooManyRequests", retryAfter), (reply.Status, reply.ErrorCode, reply.Header("Retry-After")));
        Assert.Equal(withRetryAfter ? "429" : "429-no-retry-after", host.Requests.Single().Fault);
    }

    [Fact]
    public async Task Html_serves_a_proxy_page_with_the_handlers_status_instead_of_the_json()
    {
        await using var host = await StartAsync(new FaultOptions { HtmlBodyRate = 1 });
        using var http = Raw(host);

        using var reply = await http.GetAsync($"/v1.0/users/{Contoso.Adele}");
        var text = await reply.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("text/html", reply.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<html>", text, StringComparison.Ordinal);
        Assert.Equal((200, "html"), (host.Requests.Single().Status, host.Requests.Single().Fault));
    }

    [Fact]
    public async Task Truncated_serves_the_first_half_of_the_json_with_a_matching_length()
    {
        await using var host = await StartAsync(new FaultOptions { TruncatedBodyRate = 1 });
        using var http = Raw(host);
        await using var whole = await StartAsync(new FaultOptions());
        using var wholeHttp = Raw(whole);

        var text = await (await http.GetAsync($"/v1.0/users/{Contoso.Adele}")).Content.ReadAsStringAsync();
        // The same reply from an undamaged simulator, with its address in place of the other's.
        var full = (await (await wholeHttp.GetAsync($"/v1.0/users/{Contoso.Adele}")).Content.ReadAsStringAsync())
            .Replace(whole.GraphBaseUri.Authority, host.GraphBaseUri.Authority, StringComparison.Ordinal);

        Assert.Equal(full.Length / 2, text.Length);
        Assert.StartsWith(text, full, StringComparison.Ordinal);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.Nodes.JsonNode.Parse(text));
        Assert.Equal("truncated", host.Requests.Single().Fault);
    }

    [Fact]
    public async Task Damaged_bodies_hit_top_level_requests_only_and_drop_and_rewrite_batch_items_only()
    {
        var everything = new FaultOptions { HtmlBodyRate = 0.25, TruncatedBodyRate = 0.25, DroppedItemRate = 0.25, RewrittenItemRate = 0.25 };
        await using var host = await StartAsync(everything);
        using var http = Raw(host);

        for (var i = 0; i < 20; i++)
        {
            (await http.GetAsync($"/v1.0/users/{Contoso.Adele}")).Dispose();
        }

        var faults = host.Requests.Select(r => r.Fault).ToList();
        Assert.Contains("html", faults);
        Assert.Contains("truncated", faults);
        Assert.All(faults, f => Assert.True(f is "html" or "truncated" or null, f));
    }

    [Fact]
    public async Task Dropped_items_are_left_out_and_rewritten_items_carry_a_page_instead_of_the_resource()
    {
        await using var host = await StartAsync(new FaultOptions { DroppedItemRate = 0.3, RewrittenItemRate = 0.3 }, seed: 5);
        using var http = GraphHttp.Diagnostics(host);
        var requests = new System.Text.Json.Nodes.JsonArray(Enumerable.Range(0, 20)
            .Select(i => (System.Text.Json.Nodes.JsonNode?)new System.Text.Json.Nodes.JsonObject { ["id"] = $"{i}", ["method"] = "GET", ["url"] = $"/users/{Contoso.Adele}" }).ToArray());

        var reply = await http.PostAsync("/v1.0/$batch", new System.Text.Json.Nodes.JsonObject { ["requests"] = requests });

        var responses = reply.Json["responses"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var dropped = host.Requests.Where(r => r.InBatch && r.Fault == "drop").Select(r => r.RequestId).Count();
        var rewritten = responses.Where(r => r["body"] is System.Text.Json.Nodes.JsonValue).ToList();
        Assert.InRange(dropped, 1, 19);
        Assert.Equal(20 - dropped, responses.Count);
        Assert.NotEmpty(rewritten);
        Assert.All(rewritten, r => Assert.Equal(200, r["status"]!.GetValue<int>()));
        Assert.Equal(host.Requests.Count(r => r.InBatch && r.Fault == "rewrite"), rewritten.Count);
        Assert.DoesNotContain(host.Requests, r => !r.InBatch && r.Fault is "drop" or "rewrite");
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
    public async Task A_slow_response_the_caller_gave_up_on_is_still_counted_as_injected()
    {
        await using var host = await StartAsync(new FaultOptions { SlowResponseRate = 1, SlowResponseMs = 60_000 });
        using var http = Raw(host);
        http.Timeout = TimeSpan.FromMilliseconds(200);

        await Assert.ThrowsAsync<TaskCanceledException>(() => http.GetAsync($"/v1.0/users/{Contoso.Adele}"));

        // The server learns of the hang-up when the connection closes, a moment after the client gave up.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.Stats()["faults"]!["slow"] is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1L, (long)host.Stats()["faults"]!["slow"]!);
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

    private static HttpClient Raw(SimulatorHost host)
    {
        var http = new HttpClient { BaseAddress = host.GraphBaseUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.IssueToken(Contoso.DiagnosticsRoles, Contoso.DiagnosticsAppId));
        return http;
    }

    private static Task<SimulatorHost> StartAsync(FaultOptions faults, int seed = 42) =>
        SimulatorHost.StartAsync(new SimulatorOptions { Tenant = Contoso.Load(), FixedNow = Contoso.Now, Faults = faults, Seed = seed });
}
