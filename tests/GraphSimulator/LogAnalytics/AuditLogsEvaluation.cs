using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using GraphSimulator.Hosting;
using GraphSimulator.State;

namespace GraphSimulator.LogAnalytics;

/// <summary>
/// What the module's KQL means, computed in C# over the tenant's directoryAudits as the AuditLogs table would hold
/// them (TargetResources, InitiatedBy, AdditionalDetails as JSON; tostring() of them is compact JSON). Written from
/// the query's text, independently of the module's engine, so the workspace path is tested against a second
/// reading of the same semantics. Users are grouped by their object id lower-cased (the query's UserKey). Where KQL
/// leaves a choice open (take_any, take_anyif, ties of arg_min) this takes the earliest event.
/// </summary>
internal static class AuditLogsEvaluation
{
    public static JsonObject Run(ModuleQuery query, IEnumerable<JsonObject> audits)
    {
        var events = audits.Select(a => Read(a, query)).Where(e => e is not null).Select(e => e!).ToList();
        var attempts = events
            .GroupBy(e => e.CorrelationId.Length == 0 ? e.Id : e.CorrelationId, StringComparer.Ordinal)
            .Select(Attempt)
            .ToList();
        return query.Attempts ? AttemptRows(query, attempts) : SummaryRows(query, attempts);
    }

    private static Event? Read(JsonObject audit, ModuleQuery query)
    {
        var time = Json.Time(audit, "activityDateTime");
        if (time is null || time < query.Since || time > query.Until
            || !query.Services.Any(s => Same(s, Json.String(audit, "loggedByService"))))
        {
            return null;
        }

        var target = (audit["targetResources"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(t => Same("User", Json.String(t, "type")));
        var initiator = audit["initiatedBy"]?["user"] as JsonObject;
        var userId = Coalesce(target is null ? null : Json.String(target, "id"), initiator is null ? null : Json.String(initiator, "id"));
        var upn = Coalesce(target is null ? null : Json.String(target, "userPrincipalName"), initiator is null ? null : Json.String(initiator, "userPrincipalName"));
        if (query.Users is { } users && !users.Any(u => Same(u, userId) || Same(u, upn)))
        {
            return null;
        }

        var activity = Json.String(audit, "activityDisplayName") ?? "";
        var reasonText = Json.String(audit, "resultReason") ?? "";
        var result = Json.String(audit, "result") ?? "";
        var eventText = string.Join(" | ", activity, reasonText, Compact(audit["additionalDetails"]), Compact(audit["targetResources"]));
        var reasonSearch = string.Join(" | ", reasonText, activity, result);
        if (!(query.FailureResults.Any(r => Same(r, result)) || query.AbandonMarkers.Any(m => Has(eventText, m)))
            || !query.PasskeyMarkers.Any(m => Has(eventText, m)))
        {
            return null;
        }

        var reason = query.Reasons.FirstOrDefault(r => r.Patterns.Any(p => Has(reasonSearch, p))).Reason ?? query.FallbackReason;
        var aaguid = query.Aaguid.Match(eventText);
        return new Event(
            Json.Id(audit),
            Json.String(audit, "correlationId") ?? "",
            time.Value,
            userId,
            upn,
            activity,
            reason,
            query.ReasonOrder.ToList().IndexOf(reason),
            reasonText,
            query.Methods.FirstOrDefault(m => Has(eventText, m.Pattern)).Method ?? "",
            aaguid.Success ? aaguid.Groups[1].Value.ToLowerInvariant() : "");
    }

    private static AttemptRow Attempt(IGrouping<string, Event> events)
    {
        var ordered = events.OrderBy(e => e.Time).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var chosen = ordered.OrderBy(e => e.Rank).First();
        return new AttemptRow(
            events.Key,
            ordered[0].Time,
            First(ordered.Select(e => e.UserId)),
            First(ordered.Select(e => e.UserPrincipalName)),
            chosen.Reason,
            chosen.ResultReason,
            First(ordered.Select(e => e.Method)),
            First(ordered.Select(e => e.Aaguid)),
            ordered.Select(e => e.Activity).Distinct().ToList(),
            ordered.Count);
    }

    private static JsonObject AttemptRows(ModuleQuery query, IReadOnlyList<AttemptRow> attempts)
    {
        var kept = attempts
            .GroupBy(a => (UserKey: a.UserId.ToLowerInvariant(), a.Reason))
            .Where(g => g.Count() >= query.MinimumAttempts)
            .SelectMany(g => g)
            .OrderBy(a => a.UserPrincipalName, StringComparer.Ordinal)
            .ThenBy(a => a.Time);
        return Table(
            [("Time", "datetime"), ("UserPrincipalName", "string"), ("UserId", "string"), ("Reason", "string"), ("ResultReason", "string"),
             ("Activities", "dynamic"), ("Method", "string"), ("Aaguid", "string"), ("CorrelationId", "string"), ("EventCount", "long")],
            kept.Select(a => new JsonArray(
                Timestamp(a.Time), a.UserPrincipalName, a.UserId, a.Reason, a.ResultReason,
                Dynamic(a.Activities), a.Method, a.Aaguid, a.CorrelationId, a.EventCount)));
    }

    private static JsonObject SummaryRows(ModuleQuery query, IReadOnlyList<AttemptRow> attempts)
    {
        var perUser = attempts.GroupBy(a => a.UserId.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
        var groups = attempts
            .GroupBy(a => (UserKey: a.UserId.ToLowerInvariant(), a.Reason))
            .Where(g => g.Count() >= query.MinimumAttempts)
            .OrderBy(g => First(g.OrderBy(a => a.Time).Select(a => a.UserPrincipalName)), StringComparer.Ordinal)
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key.Reason, StringComparer.Ordinal);
        return Table(
            [("UserPrincipalName", "string"), ("UserId", "string"), ("Reason", "string"), ("Attempts", "long"), ("FirstSeen", "datetime"),
             ("LastSeen", "datetime"), ("Methods", "dynamic"), ("Aaguids", "dynamic"), ("ResultReasons", "dynamic"),
             ("CorrelationIds", "dynamic"), ("NeedsOutreach", "bool")],
            groups.Select(g => new JsonArray(
                First(g.OrderBy(a => a.Time).Select(a => a.UserPrincipalName)),
                g.First().UserId,
                g.Key.Reason,
                g.Count(),
                Timestamp(g.Min(a => a.Time)),
                Timestamp(g.Max(a => a.Time)),
                Dynamic(Set(g.Select(a => a.Method))),
                Dynamic(Set(g.Select(a => a.Aaguid))),
                Dynamic(Set(g.Select(a => a.ResultReason))),
                Dynamic(Set(g.Select(a => a.CorrelationId))),
                perUser[g.Key.UserKey] > query.OutreachThreshold)));
    }

    /// <summary>The Log Analytics reply: one PrimaryResult table; dynamic values are JSON text, as the service sends them.</summary>
    private static JsonObject Table(IReadOnlyList<(string Name, string Type)> columns, IEnumerable<JsonArray> rows) => new()
    {
        ["tables"] = new JsonArray(new JsonObject
        {
            ["name"] = "PrimaryResult",
            ["columns"] = new JsonArray(columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type }).ToArray()),
            ["rows"] = new JsonArray(rows.Select(r => (JsonNode)r).ToArray()),
        }),
    };

    private static string Dynamic(IEnumerable<string> values) => new JsonArray(values.Select(v => (JsonNode?)v).ToArray()).ToJsonString(JsonOutput.Options);

    private static IEnumerable<string> Set(IEnumerable<string> values) => values.Where(v => v.Length > 0).Distinct();

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static string Compact(JsonNode? node) => node?.ToJsonString(JsonOutput.Options) ?? "";

    private static string Coalesce(string? first, string? second) => string.IsNullOrEmpty(first) ? second ?? "" : first;

    private static string First(IEnumerable<string> values) => values.FirstOrDefault(v => v.Length > 0) ?? "";

    private static bool Has(string text, string pattern) => text.Contains(pattern, StringComparison.OrdinalIgnoreCase);

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private sealed record Event(
        string Id, string CorrelationId, DateTimeOffset Time, string UserId, string UserPrincipalName, string Activity,
        string Reason, int Rank, string ResultReason, string Method, string Aaguid);

    private sealed record AttemptRow(
        string CorrelationId, DateTimeOffset Time, string UserId, string UserPrincipalName, string Reason, string ResultReason,
        string Method, string Aaguid, IReadOnlyList<string> Activities, int EventCount);
}
