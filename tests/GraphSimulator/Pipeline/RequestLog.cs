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
/// <param name="Budget">The throttling budget the call counts against (identity, writes, reports, conditionalAccess), or null.</param>
/// <param name="ResourceUnits">Units it was priced at: resource units for identity calls, 1 for reports and Conditional Access.</param>
/// <param name="Throttled">True when the budget refused it with 429 (only when throttling is on).</param>
/// <param name="RetryAfterSeconds">The Retry-After of a 429 or injected 503, when it carried one.</param>
/// <param name="Fault">The injected fault ("503", "504", "reset" with status 0, "slow"), if any.</param>
public sealed record RequestLogEntry(
    DateTimeOffset Time,
    string RequestId,
    string Method,
    string Path,
    int Status,
    bool InBatch,
    string? BatchRequestId,
    string? AppId,
    string? Budget = null,
    int ResourceUnits = 0,
    bool Throttled = false,
    int? RetryAfterSeconds = null,
    string? Fault = null);

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
