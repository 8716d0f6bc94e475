using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphSimulator.OData;
using GraphSimulator.Pipeline;
using GraphSimulator.State;

namespace GraphSimulator.Routing;

/// <summary>What a route handler sees: the request, the caller, route values, tenant state and the clock.</summary>
internal sealed class RouteContext(GraphCall call, TenantState tenant, DateTimeOffset now)
{
    private QueryOptions? _query;

    public GraphRequest Request => call.Request;

    public Caller Caller => call.Caller ?? throw new InvalidOperationException("The handler ran before authentication.");

    public TenantState Tenant { get; } = tenant;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The pipeline running this call ($batch sends its items back through it).</summary>
    public RequestPipeline Pipeline => call.Pipeline;

    /// <summary>Validated OData query options (parsed on first use).</summary>
    public QueryOptions Query => _query ??= QueryOptions.Parse(Request.Target.Query);

    public string this[string routeValue] => call.RouteValues[routeValue];

    public bool Has(string routeValue) => call.RouteValues.ContainsKey(routeValue);

    /// <summary>The request body as JSON, or Graph's 400 when it is missing or not JSON.</summary>
    public JsonNode ReadJsonBody()
    {
        if (Request.Body.IsEmpty)
        {
            throw GraphErrors.InvalidJson();
        }

        try
        {
            return JsonNode.Parse(Request.Body.Span) ?? throw GraphErrors.InvalidJson();
        }
        catch (JsonException)
        {
            throw GraphErrors.InvalidJson();
        }
    }

    public JsonObject ReadJsonObjectBody() => ReadJsonBody() as JsonObject ?? throw GraphErrors.InvalidJson();

    /// <summary>"http://127.0.0.1:P/v1.0/$metadata#users(displayName,id)/$entity".</summary>
    public string ContextUrl(string fragment, IReadOnlyList<string>? select = null, bool entity = false) =>
        Request.ServiceRoot.AbsoluteUri + Request.Version + "/$metadata#" + fragment +
        (select is null ? "" : "(" + string.Join(',', select) + ")") +
        (entity ? "/$entity" : "");

    /// <summary>A single object with its @odata.context first.</summary>
    public GraphResponse Entity(string fragment, JsonObject rendered, IReadOnlyList<string>? select = null)
    {
        var body = new JsonObject { ["@odata.context"] = ContextUrl(fragment, select, entity: true) };
        foreach (var (name, value) in rendered)
        {
            body[name] = value?.DeepClone();
        }

        return GraphResponse.Ok(body);
    }
}
