using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary><c>auditLogs/signIns</c>: beta vs v1.0 shape, filters, order, paging, licence and permission.</summary>
public sealed class SignInsTests
{
    private const string Beta = "/beta/auditLogs/signIns";
    private const string V1 = "/v1.0/auditLogs/signIns";

    [Fact]
    public async Task Beta_returns_a_users_interactive_sign_ins_newest_first_with_beta_fields()
    {
        await using var host = await StartAsync(SignIns());
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync($"{Beta}?$filter=userId eq '{Contoso.Adele}'");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(["s-adele-new", "s-adele-old"], reply.Ids);
        Assert.Equal("multiFactorAuthentication", reply.Value[0]!["authenticationRequirement"]!.GetValue<string>());
        Assert.Equal("Passkey (device-bound)", reply.Value[0]!["authenticationDetails"]![0]!["authenticationMethod"]!.GetValue<string>());
        Assert.EndsWith("/beta/$metadata#auditLogs/signIns", reply.Json["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task V1_leaves_out_beta_only_properties_but_keeps_the_rest()
    {
        await using var host = await StartAsync(SignIns());
        using var http = GraphHttp.Diagnostics(host);

        var newest = (await http.GetAsync($"{V1}?$filter=userId eq '{Contoso.Adele}'")).Value[0]!.AsObject();

        Assert.False(newest.ContainsKey("authenticationRequirement"));
        Assert.False(newest.ContainsKey("authenticationDetails"));
        Assert.False(newest.ContainsKey("signInEventTypes"));
        Assert.Equal("Windows10", newest["deviceDetail"]!["operatingSystem"]!.GetValue<string>());
        Assert.Equal(0, newest["status"]!["errorCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task V1_refuses_a_filter_on_a_beta_only_property()
    {
        await using var host = await StartAsync(SignIns());
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync($"{V1}?$filter=authenticationRequirement eq 'multiFactorAuthentication'");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Contains("authenticationRequirement", reply.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_on_created_time_window_app_and_upn_with_an_apostrophe()
    {
        await using var host = await StartAsync(SignIns());
        using var http = GraphHttp.Diagnostics(host);

        var window = await http.GetAsync($"{Beta}?$filter=createdDateTime ge 2026-03-02T08:15:00Z and createdDateTime le 2026-03-02T08:59:00Z");
        var app = await http.GetAsync($"{Beta}?$filter=appId eq '19db86c3-b2b9-44cc-b339-36da233a3be2'");
        var upn = await http.GetAsync($"{Beta}?$filter=userPrincipalName eq 'o''brien@contoso.com'");

        Assert.Equal(["s-adele-new"], window.Ids);
        Assert.Equal(["s-adele-old"], app.Ids);
        Assert.Equal(["s-conor"], upn.Ids);
    }

    [Theory]
    [InlineData("", "a-9h,c-8h30,a-8h,c-undated")]
    [InlineData("createdDateTime gt 2026-03-02T08:30:00Z", "a-9h")]
    [InlineData("createdDateTime ge 2026-03-02T08:30:00Z", "a-9h,c-8h30")]
    [InlineData("createdDateTime ge 2026-03-02T08:30:00Z and userId eq 'ADELE'", "a-9h")]
    [InlineData("userId eq 'conor'", "c-8h30,c-undated")]
    [InlineData("userId eq 'adele' or userId eq 'conor'", "a-9h,c-8h30,a-8h,c-undated")]
    [InlineData("createdDateTime ge 2026-03-02T08:45:00Z or userId eq 'conor'", "a-9h,c-8h30,c-undated")]
    [InlineData("appId eq 'app-2' and createdDateTime ge 2026-03-02T07:00:00Z", "a-8h")]
    public async Task Filters_on_user_and_time_keep_newest_first_order_and_every_match(string filter, string expected)
    {
        // The sign-in index narrows by a top-level userId or createdDateTime condition; these pin its answers to
        // what the filter alone would give: boundaries, case, or-clauses, undated sign-ins last.
        var adele = Contoso.Adele.ToUpperInvariant();
        var undated = SignIn("c-undated", Contoso.Conor, "");
        undated.Remove("createdDateTime");
        await using var host = await StartAsync(
        [
            SignIn("a-8h", Contoso.Adele, "2026-03-02T08:00:00Z", appId: "app-2"),
            undated,
            SignIn("c-8h30", Contoso.Conor, "2026-03-02T08:30:00Z"),
            SignIn("a-9h", Contoso.Adele, "2026-03-02T09:00:00Z"),
        ]);
        using var http = GraphHttp.Diagnostics(host);
        var query = filter.Replace("'ADELE'", $"'{adele}'", StringComparison.Ordinal)
            .Replace("'adele'", $"'{Contoso.Adele}'", StringComparison.Ordinal)
            .Replace("'conor'", $"'{Contoso.Conor}'", StringComparison.Ordinal);

        var reply = await http.GetAsync(query.Length == 0 ? Beta : $"{Beta}?$filter={query}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(expected.Split(','), reply.Ids);
    }

    [Fact]
    public async Task Non_interactive_sign_ins_appear_only_when_the_filter_asks_for_them()
    {
        await using var host = await StartAsync(SignIns());
        using var http = GraphHttp.Diagnostics(host);

        var byDefault = await http.GetAsync(Beta);
        var asked = await http.GetAsync($"{Beta}?$filter=signInEventTypes/any(t: t eq 'nonInteractiveUser')");

        Assert.DoesNotContain("s-adele-token", byDefault.Ids);
        Assert.Equal(["s-adele-token"], asked.Ids);
    }

    [Fact]
    public async Task Pages_hold_at_most_1000_sign_ins()
    {
        var many = new JsonArray(Enumerable.Range(0, 1001).Select(i => (JsonNode)SignIn($"s-{i:D4}", Contoso.Alex, $"@now-{i + 1}m")).ToArray());
        await using var host = await StartAsync(many);
        using var http = GraphHttp.Diagnostics(host);

        var first = await http.GetAsync(Beta);
        var tooMany = await http.GetAsync($"{Beta}?$top=1001");

        Assert.Equal(1000, first.Value.Count);
        Assert.Equal("s-0000", first.Ids[0]);
        Assert.NotNull(first.Json["@odata.nextLink"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
    }

    [Fact]
    public async Task Free_tenant_gets_the_premium_licence_403()
    {
        var tenant = Contoso.Load();
        tenant["licence"] = "Free";
        tenant["signIns"] = SignIns();
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync(Beta);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("Authentication_RequestFromNonPremiumTenantOrB2CTenant", reply.ErrorCode);
    }

    [Theory]
    [InlineData("AuditLog.Read.All", HttpStatusCode.OK)]
    [InlineData("Directory.Read.All", HttpStatusCode.OK)]
    [InlineData("Policy.Read.All", HttpStatusCode.Forbidden)]
    public async Task Needs_AuditLog_Read_All_or_Directory_Read_All(string permission, HttpStatusCode expected)
    {
        await using var host = await StartAsync(SignIns());
        using var http = new GraphHttp(host, host.IssueToken([permission]));

        Assert.Equal(expected, (await http.GetAsync(Beta)).Status);
    }

    private static Task<SimulatorHost> StartAsync(JsonArray signIns)
    {
        var tenant = Contoso.Load();
        tenant["signIns"] = signIns;
        return Contoso.StartAsync(tenant);
    }

    private static JsonArray SignIns() =>
    [
        SignIn("s-adele-old", Contoso.Adele, "@now-3d", appId: "19db86c3-b2b9-44cc-b339-36da233a3be2"),
        SignIn("s-adele-new", Contoso.Adele, "@now-30m"),
        SignIn("s-conor", Contoso.Conor, "@now-1h", upn: "o'brien@contoso.com"),
        SignIn("s-adele-token", Contoso.Adele, "@now-5m", eventType: "nonInteractiveUser"),
    ];

    private static JsonObject SignIn(string id, string userId, string created, string appId = "00000002-0000-0000-c000-000000000000",
        string upn = "AdeleV@contoso.com", string eventType = "interactiveUser") => new()
    {
        ["id"] = id,
        ["createdDateTime"] = created,
        ["userId"] = userId,
        ["userPrincipalName"] = upn,
        ["appId"] = appId,
        ["isInteractive"] = eventType == "interactiveUser",
        ["signInEventTypes"] = new JsonArray(eventType),
        ["authenticationRequirement"] = "multiFactorAuthentication",
        ["authenticationDetails"] = new JsonArray(new JsonObject
        {
            ["authenticationStepDateTime"] = created,
            ["authenticationMethod"] = "Passkey (device-bound)",
            ["authenticationStepRequirement"] = "Primary authentication",
            ["succeeded"] = true,
        }),
        ["deviceDetail"] = new JsonObject { ["operatingSystem"] = "Windows10", ["browser"] = "Edge 131.0.0" },
        ["status"] = new JsonObject { ["errorCode"] = 0 },
    };
}
