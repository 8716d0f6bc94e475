using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using GraphSimulator.Generation;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>A generated tenant's sign-ins are served as Graph serves them: newest first, in pages that chain by nextLink.</summary>
public sealed class GeneratedSignInsPagingTests
{
    private static readonly GenerationOptions Options = new() { Users = 300, Seed = 21, SignInsPerUserPerDay = 20 };

    [Fact]
    public async Task The_last_hour_comes_newest_first_in_whole_pages_that_chain_to_the_end()
    {
        var tenant = TenantGenerator.Generate(Options);
        var expected = tenant.SignIns.Where(s => s.SecondsAgo <= 3600).Select(s => SignInFactory.Render(s, Contoso.Now)["id"]!.GetValue<string>()).ToList();
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Generate = Options, FixedNow = Contoso.Now });
        using var http = new GraphHttp(host, host.IssueToken(["AuditLog.Read.All"], TenantGenerator.DiagnosticsAppId));
        var since = Contoso.Now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var ids = new List<string>();
        var times = new List<DateTimeOffset>();
        var pages = new List<int>();
        for (var url = $"/beta/auditLogs/signIns?$filter=createdDateTime ge {since}&$top=100"; url != null;)
        {
            var page = await http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            pages.Add(page.Value.Count);
            ids.AddRange(page.Ids);
            times.AddRange(page.Value.Select(s => DateTimeOffset.Parse(s!["createdDateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture)));
            var next = page.Json["@odata.nextLink"]?.GetValue<string>();
            Assert.True(next is null || new Uri(next).IsAbsoluteUri);
            url = next;
        }

        Assert.InRange(expected.Count, 200, 300);
        Assert.Equal(expected, ids);
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.All(pages.SkipLast(1), count => Assert.Equal(100, count));
        Assert.InRange(pages[^1], 1, 100);
    }

    [Fact]
    public async Task A_users_sign_ins_are_all_theirs_newest_first()
    {
        var tenant = TenantGenerator.Generate(Options);
        var user = tenant.Document["users"]![7]!["id"]!.GetValue<string>();
        var expected = tenant.SignIns.Where(s => s.User["id"]!.GetValue<string>() == user).Select(s => SignInFactory.Render(s, Contoso.Now)["id"]!.GetValue<string>()).ToList();
        await using var host = await SimulatorHost.StartAsync(new SimulatorOptions { Generate = Options, FixedNow = Contoso.Now });
        using var http = new GraphHttp(host, host.IssueToken(["AuditLog.Read.All"], TenantGenerator.DiagnosticsAppId));

        var first = await http.GetAsync($"/beta/auditLogs/signIns?$filter=userId eq '{user}'&$top=5");
        var second = await http.GetAsync(first.Json["@odata.nextLink"]!.GetValue<string>());

        Assert.InRange(expected.Count, 15, 25);
        Assert.Equal(expected.Take(10), first.Ids.Concat(second.Ids));
        Assert.All(first.Value, s => Assert.Equal(user, s!["userId"]!.GetValue<string>()));
    }
}
