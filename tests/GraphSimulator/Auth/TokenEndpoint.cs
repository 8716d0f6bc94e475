using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GraphSimulator.Hosting;
using GraphSimulator.State;
using Microsoft.AspNetCore.Http;

namespace GraphSimulator.Auth;

/// <summary>
/// The Entra ID token endpoint, served over HTTPS: <c>POST /{tenant}/oauth2/v2.0/token</c> with
/// grant_type=client_credentials and either client_secret or a certificate client_assertion. Errors have AAD's shape
/// (error, error_description with the AADSTS code, error_codes, timestamp, trace_id, correlation_id).
/// </summary>
internal sealed class TokenEndpoint(TenantStore store, AccessTokens tokens, RequestLog log, TimeProvider clock, TimeSpan lifetime)
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public async Task HandleAsync(HttpContext http)
    {
        var arrived = clock.GetUtcNow();
        var segments = (http.Request.Path.Value ?? "").Trim('/').Split('/');
        string? clientId = null;
        int status;
        JsonObject body;
        if (segments.Length == 4 && http.Request.Method == "POST" &&
            string.Equals(string.Join('/', segments[1..]), "oauth2/v2.0/token", StringComparison.OrdinalIgnoreCase))
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : null;
            clientId = form?["client_id"].ToString();
            (status, body) = Issue(segments[0], form, http);
        }
        else
        {
            (status, body) = Error(http, 404, "not_found", 90001,
                $"The simulator's authority serves only POST /{{tenant}}/oauth2/v2.0/token, not {http.Request.Method} {http.Request.Path}.");
        }

        http.Response.Headers.CacheControl = "no-store, no-cache";
        http.Response.Headers["x-ms-request-id"] = body["trace_id"]?.ToString() ?? Guid.NewGuid().ToString();
        await JsonOutput.WriteAsync(http.Response, status, body, "application/json; charset=utf-8", http.RequestAborted).ConfigureAwait(false);
        log.Add(new RequestLogEntry(arrived, http.Response.Headers["x-ms-request-id"].ToString(), http.Request.Method,
            http.Request.Path.Value + http.Request.QueryString.Value, status, false, null, string.IsNullOrEmpty(clientId) ? null : clientId));
    }

    private (int, JsonObject) Issue(string tenantSegment, IFormCollection? form, HttpContext http)
    {
        var tenant = store.State;
        if (!Json.SameId(tenantSegment, tenant.TenantId) &&
            !string.Equals(tenantSegment, tenant.DefaultDomain, StringComparison.OrdinalIgnoreCase))
        {
            return Error(http, 400, "invalid_request", 90002,
                $"Tenant '{tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
        }

        if (form is null || form["grant_type"] != "client_credentials")
        {
            return Error(http, 400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type. The simulator supports only 'client_credentials'.");
        }

        var clientId = form["client_id"].ToString();
        if (clientId.Length == 0)
        {
            return Error(http, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
        }

        var scope = form["scope"].ToString();
        if (!scope.EndsWith("/.default", StringComparison.Ordinal))
        {
            return Error(http, 400, "invalid_scope", 1002012,
                $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }

        if (tenant.FindApp(clientId) is not { } app)
        {
            return Error(http, 400, "unauthorized_client", 700016,
                $"Application with identifier '{clientId}' was not found in the directory '{tenant.DisplayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.");
        }

        var secret = form["client_secret"].ToString();
        var assertion = form["client_assertion"].ToString();
        if (secret.Length > 0)
        {
            if (app.ClientSecret is null || !CryptographicOperations.FixedTimeEquals(
                    Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(app.ClientSecret)))
            {
                return Error(http, 401, "invalid_client", 7000215,
                    $"Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");
            }
        }
        else if (assertion.Length > 0)
        {
            if (form["client_assertion_type"] != AssertionType)
            {
                return Error(http, 400, "invalid_request", 50027, $"client_assertion_type must be '{AssertionType}'.");
            }

            if (ClientAssertion.Check(assertion, app) is { } failure)
            {
                return Error(http, 401, "invalid_client", failure.Code, failure.Description);
            }
        }
        else
        {
            return Error(http, 401, "invalid_client", 7000218,
                "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }

        return (200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)lifetime.TotalSeconds,
            ["ext_expires_in"] = (int)lifetime.TotalSeconds,
            ["access_token"] = tokens.IssueApp(app.ClientId, app.DisplayName, app.Roles, lifetime, AudienceOf(scope)),
        });
    }

    /// <summary>A Log Analytics scope gets a Log Analytics token; every other resource gets a Graph token.</summary>
    private static string AudienceOf(string scope) =>
        string.Equals(scope[..^"/.default".Length].TrimEnd('/'), AccessTokens.LogAnalyticsAudience, StringComparison.OrdinalIgnoreCase)
            ? AccessTokens.LogAnalyticsAudience
            : AccessTokens.GraphAudience;

    private (int, JsonObject) Error(HttpContext http, int status, string error, int code, string description)
    {
        var traceId = Guid.NewGuid().ToString();
        var correlationId = http.Request.Headers["client-request-id"].ToString() is { Length: > 0 } echoed ? echoed : Guid.NewGuid().ToString();
        var timestamp = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return (status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp,
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
        });
    }
}
