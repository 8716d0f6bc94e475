using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>auditLogs/directoryAudits: order, the filters the module sends, paging, permission and licence.</summary>
[Collection(SharedSimulatorCollection.Name)]
public sealed class DirectoryAuditsTests(SharedSimulator shared)
{
    private const string Path = "/v1.0/auditLogs/directoryAudits";

    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task Audits_come_newest_first_with_thirty_days_on_P2()
    {
        using var http = GraphHttp.Diagnostics(Host);

        var reply = await http.GetAsync(Path);

        var times = reply.Value.Select(a => DateTimeOffset.Parse(a!["activityDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(StoredAges().Count(age => age <= TimeSpan.FromDays(30)), times.Count);
        Assert.True(times.Count < StoredAges().Count);
        Assert.All(times, t => Assert.True(t >= Contoso.Now.AddDays(-30)));
    }

    [Theory]
    [InlineData("loggedByService eq 'Device Registration Service'", 4)]
    [InlineData("result eq 'timeout'", 1)]
    [InlineData("correlationId eq '5eabe786-24ad-5efc-9eed-66b3657e2d59'", 4)]
    [InlineData("targetResources/any(t: t/id eq '61caa38e-6abf-44d9-92da-e5def5a7086c')", 5)]
    [InlineData("initiatedBy/user/id eq '09ad1fbb-125b-47cd-87c5-0c433772f01b'", 3)]
    [InlineData("initiatedBy/user/userPrincipalName eq 'o''brien@contoso.com'", 3)]
    [InlineData("loggedByService eq 'Authentication Methods' and result eq 'failure' and activityDateTime ge 2026-02-28T09:00:00Z and activityDateTime le 2026-03-02T09:00:00Z", 3)]
    public async Task Filters_the_module_and_scripts_use(string filter, int expected)
    {
        using var http = GraphHttp.Diagnostics(Host);

        var reply = await http.GetAsync($"{Path}?$filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(expected, reply.Value.Count);
    }

    [Fact]
    public async Task Paging_follows_absolute_next_links_to_every_event_once()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var ids = new List<string>();
        var links = new List<string>();
        string? next = $"{Path}?$top=7&$filter={Uri.EscapeDataString("loggedByService eq 'Authentication Methods'")}";
        while (next is not null)
        {
            var reply = await http.GetAsync(next);
            ids.AddRange(reply.Ids);
            next = reply.Json["@odata.nextLink"]?.GetValue<string>();
            if (next is not null)
            {
                links.Add(next);
                Assert.StartsWith(Host.GraphBaseUri.AbsoluteUri + "v1.0/auditLogs/directoryAudits?", next, StringComparison.Ordinal);
            }
        }

        var all = (await http.GetAsync($"{Path}?$filter={Uri.EscapeDataString("loggedByService eq 'Authentication Methods'")}")).Ids;
        Assert.Equal(all, ids);
        Assert.Equal((all.Length - 1) / 7, links.Count);
        Assert.Equal(links.Count, links.Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Page_size_is_one_to_a_thousand(int top)
    {
        using var http = GraphHttp.Diagnostics(Host);

        var reply = await http.GetAsync($"{Path}?$top={top}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("Request_BadRequest", reply.ErrorCode);
    }

    [Fact]
    public async Task Without_AuditLog_Read_All_the_call_is_denied()
    {
        using var http = new GraphHttp(Host, Host.IssueToken(["User.Read.All", "Directory.Read.All"]));

        var reply = await http.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("Authorization_RequestDenied", reply.ErrorCode);
    }

    [Fact]
    public async Task One_audit_by_id_and_select()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var first = (await http.GetAsync(Path)).Ids[0];

        var reply = await http.GetAsync($"{Path}/{Uri.EscapeDataString(first)}?$select=result,resultReason");

        Assert.Equal(first, reply.Json["id"]!.GetValue<string>());
        Assert.Equal(["@odata.context", "id", "result", "resultReason"], reply.Json.Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task Free_tenant_keeps_seven_days()
    {
        var tenant = Contoso.Load();
        tenant["licence"] = "Free";
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(StoredAges().Count(age => age <= TimeSpan.FromDays(7)), reply.Value.Count);
    }

    [Theory]
    [InlineData("Free", HttpStatusCode.Forbidden)]
    [InlineData("P1", HttpStatusCode.OK)]
    public async Task Audit_logs_requiring_premium_refuse_a_free_tenant(string licence, HttpStatusCode status)
    {
        var tenant = Contoso.Load();
        tenant["licence"] = licence;
        tenant["auditLogsRequirePremium"] = true;
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync(Path);

        Assert.Equal(status, reply.Status);
        if (status == HttpStatusCode.Forbidden)
        {
            Assert.Equal("Authentication_RequestFromNonPremiumTenantOrB2CTenant", reply.ErrorCode);
        }
    }

    [Fact]
    public async Task The_graph_sdk_reads_audits_with_their_details()
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers());
        var client = new GraphServiceClient(http, new BaseBearerTokenAuthenticationProvider(new StaticToken(Host.IssueToken(Contoso.DiagnosticsRoles))), Host.GraphBaseUri.AbsoluteUri + "v1.0");

        var page = await client.AuditLogs.DirectoryAudits.GetAsync(r => r.QueryParameters.Filter = "correlationId eq '106122f8-e206-527a-9abd-7e3057b30d46'");

        var failure = Assert.Single(page!.Value!, a => a.Result == OperationResult.Failure);
        Assert.Equal("Authentication Methods", failure.LoggedByService);
        Assert.Equal(Contoso.Isaiah, failure.InitiatedBy!.User!.Id);
        var target = Assert.Single(failure.TargetResources!);
        Assert.Equal("IsaiahL@contoso.com", target.UserPrincipalName);
        Assert.Equal("\"2fc0579f-8113-47ea-b116-bb5a8db9202a\"", target.ModifiedProperties!.First().NewValue);
        Assert.Equal(Contoso.Now.AddDays(-4).AddHours(-2), failure.ActivityDateTime);
    }

    /// <summary>How old each stored audit is ("@now-Ns").</summary>
    private static List<TimeSpan> StoredAges() =>
        Contoso.Load()["directoryAudits"]!.AsArray()
            .Select(a => TimeSpan.FromSeconds(int.Parse(a!["activityDateTime"]!.GetValue<string>()[5..^1], CultureInfo.InvariantCulture)))
            .ToList();

    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, System.Threading.CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
