using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using GraphSimulator.Auth;
using GraphSimulator.Pipeline;
using GraphSimulator.Routing;

namespace GraphSimulator.Resources;

/// <summary>
/// <c>POST $batch</c>: up to 20 requests, each sent through the same pipeline as a top-level request (with the
/// outer request's Authorization and version), run in order with dependsOn honoured (424 when a dependency failed).
/// The envelope is 200; item bodies are embedded JSON; 204 items have no body.
/// </summary>
internal static class BatchResource
{
    public const int MaxRequests = 20;

    public static void Map(Router routes) => routes.PostAsync("$batch", GraphPermissions.AuthenticatedOnly, ExecuteAsync);

    private static async Task<GraphResponse> ExecuteAsync(RouteContext context, CancellationToken ct)
    {
        var items = Parse(context.ReadJsonBody());
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var results = new Dictionary<string, GraphResponse>(StringComparer.Ordinal);

        async Task<GraphResponse> RunAsync(BatchItem item)
        {
            if (results.TryGetValue(item.Id, out var done))
            {
                return done;
            }

            var request = ToRequest(context.Request, item);
            GraphResponse? failed = null;
            foreach (var dependency in item.DependsOn)
            {
                if (!(await RunAsync(byId[dependency]).ConfigureAwait(false)).IsSuccess)
                {
                    failed ??= GraphResponse.Error(424, "FailedDependency",
                        $"The request could not be performed because request '{dependency}' it depends on failed.")
                        .Stamp(request, context.Now);
                }
            }

            var response = failed ?? await context.Pipeline.ExecuteAsync(request, ct).ConfigureAwait(false);
            results[item.Id] = response;
            return response;
        }

        var responses = new JsonArray();
        foreach (var item in items)
        {
            var response = await RunAsync(item).ConfigureAwait(false);
            if (response.BodyFault != Faults.BodyFault.Dropped)
            {
                responses.Add(Envelope(item.Id, response));
            }
        }

        return GraphResponse.Ok(new JsonObject { ["responses"] = responses });
    }

    private static JsonObject Envelope(string id, GraphResponse response)
    {
        var headers = new JsonObject();
        if (response.ContentType is { } contentType)
        {
            headers["Content-Type"] = contentType;
        }

        foreach (var (name, value) in response.Headers)
        {
            headers[name] = value;
        }

        var envelope = new JsonObject { ["id"] = id, ["status"] = response.Status, ["headers"] = headers };
        if (response.BodyFault == Faults.BodyFault.Rewritten)
        {
            envelope["body"] = Faults.DamagedBody.HtmlPage;
        }
        else if (response.Body is not null)
        {
            envelope["body"] = response.Body.DeepClone();
        }

        return envelope;
    }

    private static GraphRequest ToRequest(GraphRequest outer, BatchItem item)
    {
        var headers = new Dictionary<string, string>(item.Headers, StringComparer.OrdinalIgnoreCase);
        headers.Remove("Authorization");
        if (outer.Header("Authorization") is { } authorization)
        {
            headers["Authorization"] = authorization;
        }

        var body = item.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(item.Body.ToJsonString());
        return new GraphRequest(item.Method, outer.Version, RequestTarget.Parse(item.Url), headers, body, outer.ServiceRoot)
        {
            InBatch = true,
            BatchRequestId = outer.RequestId,
        };
    }

    private sealed record BatchItem(
        string Id, string Method, string Url, IReadOnlyDictionary<string, string> Headers, JsonNode? Body, IReadOnlyList<string> DependsOn);

    private static List<BatchItem> Parse(JsonNode payload)
    {
        if (payload is not JsonObject { } root || root["requests"] is not JsonArray requests)
        {
            throw GraphErrors.BadRequest("Invalid batch payload format: the body needs a 'requests' array.");
        }

        if (requests.Count > MaxRequests)
        {
            throw GraphErrors.BadRequest($"Number of requests exceeds the limit of {MaxRequests}.");
        }

        if (requests.Count == 0)
        {
            throw GraphErrors.BadRequest("Invalid batch payload format: the batch holds no requests.");
        }

        var items = new List<BatchItem>();
        foreach (var (node, index) in requests.Select((n, i) => (n, i)))
        {
            var item = node as JsonObject ?? throw GraphErrors.BadRequest($"Invalid batch payload format: request {index} is not an object.");
            var id = Scalar(item, "id", index);
            if (items.Exists(i => i.Id == id))
            {
                throw GraphErrors.BadRequest($"Batch request ids must be unique; '{id}' appears more than once.");
            }

            var url = Scalar(item, "url", index);
            if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
            {
                throw GraphErrors.BadRequest($"Request '{id}' has an absolute url; batch urls are relative to the version, e.g. /users.");
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in item["headers"] as JsonObject ?? new JsonObject())
            {
                headers[name] = value?.ToString() ?? string.Empty;
            }

            var body = item["body"];
            if (body is not null && !headers.ContainsKey("Content-Type"))
            {
                throw GraphErrors.BadRequest($"Write request id : {id} does not contain Content-Type header or body.");
            }

            var dependsOn = item["dependsOn"] is JsonArray list ? list.Select(d => d?.ToString() ?? "").ToList() : [];
            items.Add(new BatchItem(id, Scalar(item, "method", index), url, headers, body, dependsOn));
        }

        CheckDependencies(items);
        return items;
    }

    private static string Scalar(JsonObject item, string name, int index) =>
        item[name] is JsonValue value && value.ToString() is { Length: > 0 } text
            ? text
            : throw GraphErrors.BadRequest($"Invalid batch payload format: request {index} has no '{name}'.");

    private static void CheckDependencies(List<BatchItem> items)
    {
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var dependency in item.DependsOn)
            {
                if (!byId.ContainsKey(dependency))
                {
                    throw GraphErrors.BadRequest($"Request '{item.Id}' depends on '{dependency}', which is not in the batch.");
                }
            }
        }

        var finished = new HashSet<string>(StringComparer.Ordinal);
        void Visit(BatchItem item, HashSet<string> path)
        {
            if (finished.Contains(item.Id))
            {
                return;
            }

            if (!path.Add(item.Id))
            {
                throw GraphErrors.BadRequest($"The dependsOn chain of request '{item.Id}' is circular.");
            }

            foreach (var dependency in item.DependsOn)
            {
                Visit(byId[dependency], path);
            }

            path.Remove(item.Id);
            finished.Add(item.Id);
        }

        foreach (var item in items)
        {
            Visit(item, new HashSet<string>(StringComparer.Ordinal));
        }
    }
}
