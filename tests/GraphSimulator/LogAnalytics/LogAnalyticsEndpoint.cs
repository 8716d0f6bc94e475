using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphSimulator.Auth;
using GraphSimulator.Hosting;
using GraphSimulator.Pipeline;
using GraphSimulator.Resources;
using GraphSimulator.State;
using Microsoft.AspNetCore.Http;

namespace GraphSimulator.LogAnalytics;

/// <summary>
/// A minimal Log Analytics query API on the Graph port: <c>POST /v1/workspaces/{workspaceId}/query</c> with
/// <c>{"query": "…"}</c>, answered in the tables/columns/rows format. Workspaces come from the tenant's
/// "logAnalyticsWorkspaces" array (id, readers = app ids or UPNs holding Log Analytics Reader, retentionDays default
/// 90) and hold the tenant's directoryAudits as their AuditLogs table. Tokens must be for
/// https://api.loganalytics.io; errors have the service's shape ({"error":{"code","message"}}).
/// </summary>
internal sealed class LogAnalyticsEndpoint(TenantStore store, AccessTokens tokens, RequestLog log, TimeProvider clock)
{
    public const string PathPrefix = "/v1/workspaces/";

    public async Task HandleAsync(HttpContext http, string target)
    {
        var arrived = clock.GetUtcNow();
        var requestId = Guid.NewGuid().ToString();
        string? appId = null;
        int status;
        JsonObject body;
        try
        {
            var caller = Authenticate(http.Request.Headers.Authorization.ToString());
            appId = caller.AppId;
            (status, body) = await AnswerAsync(http, target.Split('?')[0], caller).ConfigureAwait(false);
        }
        catch (LogAnalyticsException e)
        {
            (status, body) = (e.Status, Error(e.Code, e.Message));
        }

        // Logged before the reply goes out, so a client that has its answer always finds the call in the log.
        log.Add(new RequestLogEntry(arrived, requestId, http.Request.Method, target, status, false, null, appId));
        http.Response.Headers["x-ms-request-id"] = requestId;
        await JsonOutput.WriteAsync(http.Response, status, body, "application/json; charset=utf-8", http.RequestAborted).ConfigureAwait(false);
    }

    private Caller Authenticate(string authorization)
    {
        if (authorization.Length == 0)
        {
            throw new LogAnalyticsException(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }

        try
        {
            return tokens.Validate(authorization, AccessTokens.LogAnalyticsAudience);
        }
        catch (GraphException e) when (e.Message.Contains("audience", StringComparison.Ordinal))
        {
            throw new LogAnalyticsException(403, "InvalidAuthenticationTokenAudience",
                $"The access token has been obtained from wrong audience or resource. It should exactly match with the allowed audience '{AccessTokens.LogAnalyticsAudience}'.");
        }
        catch (GraphException e)
        {
            throw new LogAnalyticsException(403, "InvalidAuthenticationToken", "The access token is invalid. " + e.Message);
        }
    }

    private async Task<(int, JsonObject)> AnswerAsync(HttpContext http, string path, Caller caller)
    {
        var segments = path.Trim('/').Split('/');
        if (http.Request.Method != "POST" || segments.Length != 4 || segments[3] != "query")
        {
            throw new LogAnalyticsException(404, "PathNotFoundError", $"The requested path does not exist: {http.Request.Method} {path}.");
        }

        string? query;
        try
        {
            var request = await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            query = request?["query"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            query = null;
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            throw new LogAnalyticsException(400, "BadArgumentError", "The request had some invalid properties: the body needs {\"query\": \"…\"}.");
        }

        lock (store.Sync)
        {
            var tenant = store.State;
            var workspace = Json.Objects(tenant.Root, "logAnalyticsWorkspaces").FirstOrDefault(w => Json.SameId(Json.Id(w), segments[2]))
                ?? throw new LogAnalyticsException(404, "WorkspaceNotFoundError", $"The workspace {segments[2]} could not be found.");
            var readers = Json.Strings(workspace, "readers").ToList();
            if (!readers.Any(r => Json.SameId(r, caller.AppId) || Json.SameId(r, caller.UserPrincipalName)))
            {
                throw new LogAnalyticsException(403, "InsufficientAccessError",
                    "The provided credentials have insufficient access to perform the requested operation.");
            }

            ModuleQuery recognised;
            try
            {
                recognised = ModuleQuery.Parse(query, clock.GetUtcNow());
            }
            catch (Exception e) when (e is NotSupportedException or FormatException or JsonException or InvalidOperationException)
            {
                throw new LogAnalyticsException(400, "BadArgumentError", "The request had some invalid properties. " + e.Message);
            }

            var oldest = clock.GetUtcNow().AddDays(-(Json.Int(workspace, "retentionDays") ?? 90));
            var audits = Json.Objects(tenant.Root, "directoryAudits").Where(a => Json.Time(a, "activityDateTime") >= oldest);
            return (200, AuditLogsEvaluation.Run(recognised, audits));
        }
    }

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["code"] = code } };

    private sealed class LogAnalyticsException(int status, string code, string message) : Exception(message)
    {
        public int Status { get; } = status;

        public string Code { get; } = code;
    }
}
