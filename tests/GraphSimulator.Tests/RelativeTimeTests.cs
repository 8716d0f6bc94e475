using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

public sealed class RelativeTimeTests
{
    [Fact]
    public async Task Relative_times_resolve_against_the_simulator_clock_at_load()
    {
        var tenant = Contoso.Load();
        var alex = Contoso.User(tenant, Contoso.Alex);
        alex["employeeHireDate"] = "@now";
        alex["lastPasswordChangeDateTime"] = "@now-30m";
        alex["refreshTokensValidFromDateTime"] = "@now+2h";
        alex["signInSessionsValidFromDateTime"] = "@now-45s";
        alex["employeeId"] = "@nowhere";
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        var user = (await http.GetAsync(
            $"/v1.0/users/{Contoso.Alex}?$select=createdDateTime,employeeHireDate,lastPasswordChangeDateTime,refreshTokensValidFromDateTime,signInSessionsValidFromDateTime,employeeId")).Json;

        Assert.Equal("2025-02-15T09:00:00Z", user["createdDateTime"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:00:00Z", user["employeeHireDate"]!.GetValue<string>());
        Assert.Equal("2026-03-02T08:30:00Z", user["lastPasswordChangeDateTime"]!.GetValue<string>());
        Assert.Equal("2026-03-02T11:00:00Z", user["refreshTokensValidFromDateTime"]!.GetValue<string>());
        Assert.Equal("2026-03-02T08:59:15Z", user["signInSessionsValidFromDateTime"]!.GetValue<string>());
        Assert.Equal("@nowhere", user["employeeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nested_relative_times_resolve_too()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);

        var grady = await http.GetAsync($"/v1.0/users/{Contoso.Grady}/authentication/temporaryAccessPassMethods");
        var policy = await http.GetAsync("/v1.0/policies/authenticationMethodsPolicy");

        Assert.Equal("2026-02-27T09:00:00Z", grady.Value[0]!["startDateTime"]!.GetValue<string>());
        Assert.Equal("2026-01-31T09:00:00Z", policy.Json["lastModifiedDateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_top_level_sections_are_ignored()
    {
        var tenant = Contoso.Load();
        tenant["signIns"] = new JsonArray(new JsonObject { ["id"] = "1", ["createdDateTime"] = "@now-1h" });
        tenant["directoryAudits"] = new JsonObject { ["anything"] = true };
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/v1.0/organization")).Status);
    }
}
