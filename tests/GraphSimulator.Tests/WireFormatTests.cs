using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

[Collection(SharedSimulatorCollection.Name)]
public sealed class WireFormatTests(SharedSimulator shared)
{
    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task Error_body_has_graph_shape_and_correlation_ids()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/users/2f4a1c9e-0000-4000-8000-000000000000");
        request.Headers.Add("client-request-id", "my-correlation-42");

        var reply = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("application/json", reply.Message.Content.Headers.ContentType!.MediaType);
        var error = reply.Json["error"]!;
        Assert.Equal("Request_ResourceNotFound", error["code"]!.GetValue<string>());
        Assert.Equal(
            "Resource '2f4a1c9e-0000-4000-8000-000000000000' does not exist or one of its queried reference-property objects are not present.",
            error["message"]!.GetValue<string>());
        var inner = error["innerError"]!;
        Assert.Equal("2026-03-02T09:00:00", inner["date"]!.GetValue<string>());
        Assert.Equal(reply.Header("request-id"), inner["request-id"]!.GetValue<string>());
        Assert.Equal("my-correlation-42", inner["client-request-id"]!.GetValue<string>());
        Assert.Equal("my-correlation-42", reply.Header("client-request-id"));
    }

    [Fact]
    public async Task Every_response_carries_request_id_and_client_request_id()
    {
        using var anonymous = new GraphHttp(Host, null);
        using var http = GraphHttp.Diagnostics(Host);
        foreach (var reply in new[]
                 {
                     await anonymous.GetAsync("/v1.0/users"),
                     await http.GetAsync("/v1.0/users?$top=1"),
                     await http.GetAsync("/v1.0/nothingHere"),
                 })
        {
            Assert.True(Guid.TryParse(reply.Header("request-id"), out _), reply.Text);
            Assert.True(Guid.TryParse(reply.Header("client-request-id"), out _), reply.Text);
        }
    }

    [Fact]
    public async Task Unknown_segment_is_400_naming_it_and_wrong_method_is_405()
    {
        using var http = GraphHttp.Diagnostics(Host);

        var unknown = await http.GetAsync($"/v1.0/users/{Contoso.Adele}/authentication/passkeys");
        var wrongMethod = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/v1.0/users/{Contoso.Adele}"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal("Resource not found for the segment 'passkeys'.", unknown.ErrorMessage);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.Status);
        Assert.Equal("Request_BadRequest", wrongMethod.ErrorCode);
    }

    [Fact]
    public async Task Unknown_version_is_400()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v2.0/users");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Invalid version: v2.0", reply.ErrorMessage);
    }

    [Fact]
    public async Task Success_content_type_is_odata_json_and_context_points_back()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/beta/users?$top=1");

        Assert.Equal("application/json", reply.Message.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new Uri(Host.GraphBaseUri, "beta/$metadata#users").AbsoluteUri, reply.Json["@odata.context"]!.GetValue<string>());
    }

    [Fact]
    public async Task Encoded_dollar_in_option_names_is_accepted()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var plain = await http.GetAsync("/v1.0/users?$select=displayName&$filter=" + Uri.EscapeDataString("startswith(displayName,'L')"));
        var encoded = await http.GetAsync("/v1.0/users?%24select=displayName&%24filter=" + Uri.EscapeDataString("startswith(displayName,'L')"));

        Assert.Equal(["Lee Gu", "Lynne Robbins"], Names(plain));
        Assert.Equal(Names(plain), Names(encoded));
        Assert.Equal(2, encoded.Value[0]!.AsObject().Count);
    }

    [Fact]
    public async Task Unsupported_and_repeated_query_options_are_400()
    {
        using var http = GraphHttp.Diagnostics(Host);

        var expand = await http.GetAsync("/v1.0/users?$expand=memberOf");
        var twice = await http.GetAsync("/v1.0/users?$top=1&%24top=2");

        Assert.Equal("Request_UnsupportedQuery", expand.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.Status);
        Assert.Contains("more than once", twice.ErrorMessage, StringComparison.Ordinal);
    }

    private static string[] Names(Reply reply) =>
        reply.Value.Select(v => v!["displayName"]!.GetValue<string>()).ToArray();
}
