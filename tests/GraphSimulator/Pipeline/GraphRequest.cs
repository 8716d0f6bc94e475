using System;
using System.Collections.Generic;
using GraphSimulator.Routing;

namespace GraphSimulator.Pipeline;

/// <summary>One Graph call. Top-level HTTP requests and $batch items have the same shape and the same pipeline.</summary>
internal sealed class GraphRequest
{
    public GraphRequest(
        string method,
        string version,
        RequestTarget target,
        IReadOnlyDictionary<string, string> headers,
        ReadOnlyMemory<byte> body,
        Uri serviceRoot)
    {
        Method = method.ToUpperInvariant();
        Version = version;
        Target = target;
        Headers = headers;
        Body = body;
        ServiceRoot = serviceRoot;
        ClientRequestId = Header("client-request-id") is { Length: > 0 } echoed ? echoed : Guid.NewGuid().ToString();
    }

    public string Method { get; }

    /// <summary>"v1.0" or "beta".</summary>
    public string Version { get; }

    public RequestTarget Target { get; }

    /// <summary>Request headers, case-insensitive names.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The simulator's Graph root, e.g. http://127.0.0.1:5080/ (nextLinks and @odata.context point here).</summary>
    public Uri ServiceRoot { get; }

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public string ClientRequestId { get; }

    public bool InBatch { get; init; }

    /// <summary>The request id of the enclosing $batch request, for items.</summary>
    public string? BatchRequestId { get; init; }

    /// <summary>"/v1.0/users?$top=5" — what the request log shows.</summary>
    public string LogPath => "/" + Version + "/" + Target.PathAndQuery;

    /// <summary>The absolute URL of this request's resource with a new query string.</summary>
    public string AbsoluteUrl(string query) =>
        ServiceRoot.AbsoluteUri + Version + "/" + Target.RawPath + (query.Length == 0 ? "" : "?" + query);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static bool IsKnownVersion(string segment) =>
        string.Equals(segment, "v1.0", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(segment, "beta", StringComparison.OrdinalIgnoreCase);
}
