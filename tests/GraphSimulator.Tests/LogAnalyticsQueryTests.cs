using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>
/// The minimal Log Analytics query endpoint: tokens for its resource, the service's error shapes, and answers to
/// queries shaped like Get-PasskeyRegistrationFailures' KQL (written out here, so the contract is visible).
/// </summary>
[Collection(SharedSimulatorCollection.Name)]
public sealed class LogAnalyticsQueryTests(SharedSimulator shared)
{
    private const string Workspace = "7d3c2f55-2a4e-4d0b-9a61-5b0e8f1c9e21";
    private const string LogAnalytics = "https://api.loganalytics.io";

    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task Summary_query_groups_attempts_by_user_and_reason()
    {
        var reply = await QueryAsync(Query(attempts: false));

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var table = reply.Json["tables"]![0]!;
        Assert.Equal("PrimaryResult", table["name"]!.GetValue<string>());
        Assert.Equal(
            ["UserPrincipalName", "UserId", "Reason", "Attempts", "FirstSeen", "LastSeen", "Methods", "Aaguids", "ResultReasons", "CorrelationIds", "NeedsOutreach"],
            table["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToArray());
        var rows = Rows(table);
        var megan = Assert.Single(rows, r => r["UserPrincipalName"]!.GetValue<string>() == "MeganB@contoso.com");
        Assert.Equal("PolicyBlocked", megan["Reason"]!.GetValue<string>());
        Assert.Equal(3, megan["Attempts"]!.GetValue<int>());
        Assert.True(megan["NeedsOutreach"]!.GetValue<bool>());
        Assert.Equal("[\"Passkey (device-bound)\"]", megan["Methods"]!.GetValue<string>());
        var lee = Assert.Single(rows, r => r["UserPrincipalName"]!.GetValue<string>() == "LeeG@contoso.com");
        Assert.Equal(1, lee["Attempts"]!.GetValue<int>());
        var isaiah = Assert.Single(rows, r => r["UserPrincipalName"]!.GetValue<string>() == "IsaiahL@contoso.com");
        Assert.Equal(("Other", 2), (isaiah["Reason"]!.GetValue<string>(), isaiah["Attempts"]!.GetValue<int>()));
        Assert.Equal("[\"2fc0579f-8113-47ea-b116-bb5a8db9202a\"]", isaiah["Aaguids"]!.GetValue<string>());
        Assert.Equal(
            ["AdeleV@contoso.com", "AlexW@contoso.com", "IsaiahL@contoso.com", "JoniS@contoso.com", "LeeG@contoso.com", "MeganB@contoso.com", "NestorW@contoso.com", "o'brien@contoso.com"],
            rows.Select(r => r["UserPrincipalName"]!.GetValue<string>()).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Attempts_query_returns_one_row_per_correlation_id()
    {
        var reply = await QueryAsync(Query(attempts: true, users: ["LeeG@contoso.com", "o'brien@contoso.com"]));

        var rows = Rows(reply.Json["tables"]![0]!);
        Assert.Equal(["LeeG@contoso.com", "o'brien@contoso.com"], rows.Select(r => r["UserPrincipalName"]!.GetValue<string>()));
        Assert.Equal(2, rows[0]["EventCount"]!.GetValue<int>());
        Assert.Equal("[\"User registered security info\",\"Add Passkey (device-bound)\"]", rows[0]["Activities"]!.GetValue<string>());
        Assert.Equal("Other", rows[1]["Reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Window_and_minimum_attempts_come_from_the_let_statements()
    {
        var reply = await QueryAsync(Query(attempts: false, since: "datetime(2026-02-27T09:00:00Z)", until: "datetime(2026-03-02T09:00:00Z)", minimum: 2));

        var rows = Rows(reply.Json["tables"]![0]!);
        var row = Assert.Single(rows);
        // Only Alex failed twice for one reason between those dates (Megan once; her other attempts are older).
        Assert.Equal(("AlexW@contoso.com", "Other", 2), (row["UserPrincipalName"]!.GetValue<string>(), row["Reason"]!.GetValue<string>(), row["Attempts"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_token_for_the_log_analytics_scope_works_there_and_not_on_graph()
    {
        await using var host = await Contoso.StartAsync();
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == host.Certificate.Thumbprint,
        };
        using var authority = new HttpClient(handler) { BaseAddress = host.AuthorityUri };
        var issued = await authority.PostAsync($"{Contoso.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = Contoso.DiagnosticsAppId,
            ["client_secret"] = Contoso.DiagnosticsSecret,
            ["scope"] = LogAnalytics + "/.default",
        }));
        var token = JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();

        var reply = await QueryAsync(Query(attempts: false), token, host);
        using var graph = new GraphHttp(host, token);
        var graphReply = await graph.GetAsync("/v1.0/users");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, graphReply.Status);
        var logged = Assert.Single(host.Requests, r => r.Path.StartsWith("/v1/", StringComparison.Ordinal));
        Assert.Equal(($"/v1/workspaces/{Workspace}/query", 200, Contoso.DiagnosticsAppId), (logged.Path, logged.Status, logged.AppId));
    }

    [Fact]
    public async Task Errors_have_the_services_shape()
    {
        var graphToken = Host.IssueToken(Contoso.DiagnosticsRoles);
        var outsider = Host.IssueToken([], Contoso.ReaderAppId, null, LogAnalytics);

        var none = await QueryAsync(Query(attempts: false), token: "");
        var wrongAudience = await QueryAsync(Query(attempts: false), graphToken);
        var notReader = await QueryAsync(Query(attempts: false), outsider);
        var unknown = await QueryAsync(Query(attempts: false), workspace: Guid.NewGuid().ToString());
        var foreign = await QueryAsync("AuditLogs | take 10");

        Assert.Equal((HttpStatusCode.Unauthorized, "AuthenticationFailed"), (none.Status, Code(none)));
        Assert.Equal((HttpStatusCode.Forbidden, "InvalidAuthenticationTokenAudience"), (wrongAudience.Status, Code(wrongAudience)));
        Assert.Equal((HttpStatusCode.Forbidden, "InsufficientAccessError"), (notReader.Status, Code(notReader)));
        Assert.Equal((HttpStatusCode.NotFound, "WorkspaceNotFoundError"), (unknown.Status, Code(unknown)));
        Assert.Equal((HttpStatusCode.BadRequest, "BadArgumentError"), (foreign.Status, Code(foreign)));
    }

    /// <summary>A query in the module's shape, with a small table of its own: only the parts the simulator reads vary.</summary>
    private static string Query(bool attempts, string since = "ago(7d)", string until = "now()", string[]? users = null, int minimum = 1)
    {
        var lines = new List<string>
        {
            attempts
                ? "// EntraPasskey: failed passkey registration attempts, one row per attempt (Get-PasskeyRegistrationFailures -Raw)"
                : "// EntraPasskey: failed passkey registrations by user and reason (Get-PasskeyRegistrationFailures)",
            $"let since = {since};",
            $"let until = {until};",
        };
        if (users is not null)
        {
            lines.Add("let users = " + "dynamic([" + string.Join(", ", users.Select(u => "\"" + u + "\"")) + "]);");
        }

        lines.AddRange(
        [
            $"let minimumAttempts = {minimum};",
            "let reasonOrder = dynamic([\"PolicyBlocked\", \"Other\"]);",
            "AuditLogs",
            "| where LoggedByService in~ (\"Authentication Methods\", \"Device Registration Service\")",
            "| where Result in~ (\"failure\", \"timeout\") or EventText contains \"canceled security info registration\"",
            "| where EventText contains \"fido\" or EventText contains \"passkey\" or EventText contains \"security key\"",
            "| extend Reason = case(",
            "    ReasonText contains \"not enabled for this user\" or ReasonText contains \"not allowed by policy\", \"PolicyBlocked\",",
            "    \"Other\")",
            "| extend Method = case(",
            "    EventText contains \"device-bound\", \"Passkey (device-bound)\",",
            "    \"\")",
            "| extend Aaguid = tolower(extract(@\"(?i)aaguid.{0,40}?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\", 1, EventText))",
        ]);
        if (!attempts)
        {
            lines.Add("| extend NeedsOutreach = UserAttempts > 2");
        }

        return string.Join('\n', lines);
    }

    private async Task<Reply> QueryAsync(string kql, string? token = null, SimulatorHost? host = null, string workspace = Workspace)
    {
        host ??= Host;
        using var http = new HttpClient { BaseAddress = host.GraphBaseUri };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/workspaces/{workspace}/query")
        {
            Content = new StringContent(new JsonObject { ["query"] = kql }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        token ??= host.IssueToken([], Contoso.DiagnosticsAppId, null, LogAnalytics);
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, JsonNode.Parse(text), response, text);
    }

    private static string Code(Reply reply) => reply.Json["error"]!["code"]!.GetValue<string>();

    private static List<Dictionary<string, JsonNode?>> Rows(JsonNode table)
    {
        var names = table["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        return table["rows"]!.AsArray()
            .Select(row => names.Select((name, i) => (name, value: row![i]?.DeepClone())).ToDictionary(p => p.name, p => p.value))
            .ToList();
    }
}
