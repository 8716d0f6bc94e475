using System;
using System.Collections.Generic;

namespace GraphSimulator;

/// <summary>One logged call (GET /_sim/requests).</summary>
/// <param name="Time">When the call arrived (simulator clock).</param>
/// <param name="RequestId">The request-id header the response carried.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path with query, e.g. "/v1.0/users?$top=5"; token requests are "/{tenant}/oauth2/v2.0/token".</param>
/// <param name="Status">HTTP status of the response (of the item, for $batch items).</param>
/// <param name="InBatch">True for an item of a $batch request.</param>
/// <param name="BatchRequestId">The enclosing $batch request's request-id, for items; otherwise null.</param>
/// <param name="AppId">The caller's application id (from the token, or the client_id of a token request), when known.</param>
public sealed record RequestLogEntry(
    DateTimeOffset Time,
    string RequestId,
    string Method,
    string Path,
    int Status,
    bool InBatch,
    string? BatchRequestId,
    string? AppId);

/// <summary>Calls in the order they completed ($batch items therefore come before their envelope).</summary>
internal sealed class RequestLog
{
    private readonly List<RequestLogEntry> _entries = [];
    private readonly object _sync = new();

    public void Add(RequestLogEntry entry)
    {
        lock (_sync)
        {
            _entries.Add(entry);
        }
    }

    public IReadOnlyList<RequestLogEntry> Snapshot()
    {
        lock (_sync)
        {
            return _entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _entries.Clear();
        }
    }
}
