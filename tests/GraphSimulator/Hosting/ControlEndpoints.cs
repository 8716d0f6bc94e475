using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace GraphSimulator.Hosting;

/// <summary>
/// Test-only endpoints under <c>/_sim/</c> (loopback only, no auth, not logged):
/// <c>POST /_sim/token</c>, <c>GET|DELETE /_sim/requests</c>, <c>POST /_sim/reset</c>, <c>GET|DELETE /_sim/stats</c>.
/// </summary>
internal sealed class ControlEndpoints(SimulatorHost host)
{
    public async Task HandleAsync(HttpContext http, string path)
    {
        var (status, body) = (http.Request.Method, path.TrimEnd('/').ToLowerInvariant()) switch
        {
            ("POST", "/_sim/token") => await IssueTokenAsync(http).ConfigureAwait(false),
            ("GET", "/_sim/requests") => (200, JsonSerializer.SerializeToNode(host.Requests, JsonOutput.Options)),
            ("DELETE", "/_sim/requests") => Done(host.ClearRequests),
            ("POST", "/_sim/reset") => Done(host.Reset),
            ("GET", "/_sim/stats") => (200, host.Stats()),
            ("DELETE", "/_sim/stats") => Done(host.ResetStats),
            _ => (404, Problem($"No simulator control endpoint {http.Request.Method} {path}.")),
        };
        await JsonOutput.WriteAsync(http.Response, status, body, null, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Body <c>{"roles":[…]}</c> (app token) or <c>{"scp":"A B","upn":"x@y"}</c> (delegated), optional
    /// <c>"appId"</c>, <c>"expiresInSeconds"</c> (0 or negative gives an already expired token) and <c>"audience"</c>
    /// (default Microsoft Graph; https://api.loganalytics.io for the Log Analytics endpoint).</summary>
    private async Task<(int, JsonNode?)> IssueTokenAsync(HttpContext http)
    {
        JsonObject? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<JsonObject>(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (400, Problem("The body must be a JSON object: " + e.Message));
        }

        if (request is null)
        {
            return (400, Problem("The body must be a JSON object."));
        }

        var appId = request["appId"]?.ToString();
        var lifetime = request["expiresInSeconds"] is JsonValue seconds && seconds.TryGetValue(out int s)
            ? TimeSpan.FromSeconds(s)
            : (TimeSpan?)null;
        var audience = request["audience"]?.ToString() ?? Auth.AccessTokens.GraphAudience;
        string token;
        if (request["roles"] is JsonArray roles)
        {
            token = host.IssueToken(roles.Select(r => r?.ToString() ?? ""), appId, lifetime, audience);
        }
        else if (request["scp"]?.ToString() is { } scp && request["upn"]?.ToString() is { Length: > 0 } upn)
        {
            token = host.IssueDelegatedToken(scp.Split(' ', StringSplitOptions.RemoveEmptyEntries), upn, appId, lifetime, audience);
        }
        else
        {
            return (400, Problem("Give \"roles\" (an array) for an app token, or \"scp\" and \"upn\" for a delegated token."));
        }

        return (200, new JsonObject { ["access_token"] = token });
    }

    private static (int, JsonNode?) Done(Action action)
    {
        action();
        return (204, null);
    }

    private static JsonObject Problem(string message) => new() { ["error"] = message };
}
