using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

[Collection(SharedSimulatorCollection.Name)]
public sealed class PolicyTests(SharedSimulator shared)
{
    private const string Fido2Type = "#microsoft.graph.fido2AuthenticationMethodConfiguration";
    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task Policy_includes_its_configurations()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var policy = (await http.GetAsync("/v1.0/policies/authenticationMethodsPolicy")).Json;

        Assert.Equal(new Uri(Host.GraphBaseUri, "v1.0/$metadata#authenticationMethodsPolicy").AbsoluteUri, policy["@odata.context"]!.GetValue<string>());
        Assert.Equal("migrationComplete", policy["policyMigrationState"]!.GetValue<string>());
        Assert.Equal("1.5", policy["policyVersion"]!.GetValue<string>());
        var configurations = policy["authenticationMethodConfigurations"]!.AsArray();
        Assert.Equal(
            ["Fido2", "MicrosoftAuthenticator", "Sms", "TemporaryAccessPass", "HardwareOath", "SoftwareOath", "Voice", "Email", "X509Certificate"],
            configurations.Select(c => c!["id"]!.GetValue<string>()).ToArray());
        var fido2 = configurations[0]!;
        Assert.Equal(Fido2Type, fido2["@odata.type"]!.GetValue<string>());
        Assert.Equal(Contoso.PasskeyUsers, fido2["includeTargets"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Contoso.PasskeyExclusions, fido2["excludeTargets"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("deviceBound,synced", fido2["passkeyProfiles"]![0]!["passkeyTypes"]!.GetValue<string>());
        Assert.Equal(fido2["passkeyProfiles"]![0]!["id"]!.GetValue<string>(), fido2["defaultPasskeyProfile"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/fido2")]
    [InlineData("/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Fido2")]
    [InlineData("/v1.0/authenticationMethodsPolicy/authenticationMethodConfigurations/FIDO2")]
    [InlineData("/beta/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/fido2")]
    public async Task Configuration_id_matches_case_insensitively_under_both_roots(string url)
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("Fido2", reply.Json["id"]!.GetValue<string>());
        Assert.True(reply.Json["isSelfServiceRegistrationAllowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unknown_configuration_is_404()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Passkeys");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task Patch_needs_the_write_permission()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.PatchAsync("/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Fido2",
            new JsonObject { ["state"] = "disabled" });

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
    }

    [Fact]
    public async Task Patch_merges_and_reset_restores()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken([.. Contoso.DiagnosticsRoles, "Policy.ReadWrite.AuthenticationMethod"]));
        const string tap = "/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/temporaryaccesspass";
        const string joniTap = "/v1.0/users/" + Contoso.Joni + "/authentication/temporaryAccessPassMethods";

        var patched = await http.PatchAsync(tap, new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration",
            ["state"] = "disabled",
            ["defaultLifetimeInMinutes"] = 120,
        });
        var afterPatch = (await http.GetAsync(tap)).Json;
        var joniAfterPatch = (await http.GetAsync(joniTap)).Value.Single()!;
        var policy = (await http.GetAsync("/v1.0/policies/authenticationMethodsPolicy")).Json;

        Assert.Equal(HttpStatusCode.NoContent, patched.Status);
        Assert.Null(patched.Body);
        Assert.Equal("disabled", afterPatch["state"]!.GetValue<string>());
        Assert.Equal(120, afterPatch["defaultLifetimeInMinutes"]!.GetValue<int>());
        Assert.Equal(480, afterPatch["maximumLifetimeInMinutes"]!.GetValue<int>());
        Assert.Equal("TemporaryAccessPass", afterPatch["id"]!.GetValue<string>());
        Assert.Equal("DisabledByPolicy", joniAfterPatch["methodUsabilityReason"]!.GetValue<string>());
        Assert.Equal("2026-03-02T09:00:00Z", policy["lastModifiedDateTime"]!.GetValue<string>());

        using var raw = new HttpClient { BaseAddress = host.GraphBaseUri };
        Assert.Equal(HttpStatusCode.NoContent, (await raw.PostAsync("/_sim/reset", null)).StatusCode);

        var afterReset = (await http.GetAsync(tap)).Json;
        Assert.Equal("enabled", afterReset["state"]!.GetValue<string>());
        Assert.Equal(60, afterReset["defaultLifetimeInMinutes"]!.GetValue<int>());
        Assert.Equal("EnabledByPolicy", (await http.GetAsync(joniTap)).Value.Single()!["methodUsabilityReason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_of_another_type_or_without_json_is_400()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(["Policy.ReadWrite.AuthenticationMethod"]));
        const string url = "/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/Fido2";

        var wrongType = await http.PatchAsync(url, new JsonObject { ["@odata.type"] = "#microsoft.graph.smsAuthenticationMethodConfiguration" });
        var notJson = await http.SendAsync(new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent("state=disabled") });

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.Status);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.Status);
        Assert.StartsWith("Unable to read JSON request payload.", notJson.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Security_defaults_policy_has_graphs_shape()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy");

        Assert.Equal("00000000-0000-0000-0000-000000000005", reply.Json["id"]!.GetValue<string>());
        Assert.Equal("Security Defaults", reply.Json["displayName"]!.GetValue<string>());
        Assert.False(reply.Json["isEnabled"]!.GetValue<bool>());
        Assert.EndsWith("$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity",
            reply.Json["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conditional_access_policies_are_served_from_the_tenant()
    {
        var tenant = Contoso.Load();
        tenant["securityDefaults"] = new JsonObject { ["isEnabled"] = true };
        tenant["conditionalAccessPolicies"] = new JsonArray(new JsonObject
        {
            ["id"] = "a43d57ee-8915-487e-8060-722dfec33d6a",
            ["displayName"] = "Register security info from trusted locations",
            ["state"] = "enabled",
            ["conditions"] = new JsonObject
            {
                ["applications"] = new JsonObject { ["includeUserActions"] = new JsonArray("urn:user:registersecurityinfo") },
            },
        });
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);
        using var conditionalAccessOnly = new GraphHttp(host, host.IssueToken(["Policy.Read.ConditionalAccess"]));

        var list = await conditionalAccessOnly.GetAsync("/v1.0/identity/conditionalAccess/policies");
        var single = await http.GetAsync("/v1.0/identity/conditionalAccess/policies/a43d57ee-8915-487e-8060-722dfec33d6a");
        var defaults = await http.GetAsync("/v1.0/policies/identitySecurityDefaultsEnforcementPolicy");

        Assert.Equal(["a43d57ee-8915-487e-8060-722dfec33d6a"], list.Ids);
        Assert.Equal("urn:user:registersecurityinfo", single.Json["conditions"]!["applications"]!["includeUserActions"]![0]!.GetValue<string>());
        Assert.True(defaults.Json["isEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Contoso_has_its_registration_and_all_resources_policies()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/identity/conditionalAccess/policies");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var (all, registration) = Contoso.PolicyCounts();
        Assert.Equal(all, reply.Value.Count);
        Assert.All(reply.Value.Take(registration), p => Assert.Equal("urn:user:registersecurityinfo", p!["conditions"]!["applications"]!["includeUserActions"]![0]!.GetValue<string>()));
        Assert.Equal("enabledForReportingButNotEnforced", reply.Value[4]!["state"]!.GetValue<string>());
        Assert.All(reply.Value.Skip(registration), p => Assert.Equal("All", p!["conditions"]!["applications"]!["includeApplications"]![0]!.GetValue<string>()));
        Assert.Equal("6aa00308-ea33-4caa-90d6-ae905d8cb51b", reply.Value[7]!["conditions"]!["applications"]!["excludeApplications"]![0]!.GetValue<string>());
        Assert.Equal(["exchangeActiveSync", "other"], reply.Value[8]!["conditions"]!["clientAppTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task Organization_is_the_tenant_with_its_licence()
    {
        using var http = GraphHttp.Diagnostics(Host);
        var reply = await http.GetAsync("/v1.0/organization");
        using var delegated = new GraphHttp(Host, Host.IssueDelegatedToken(["User.Read"], "AlexW@contoso.com"));

        var organization = reply.Value.Single()!;
        Assert.Equal(Contoso.TenantId, organization["id"]!.GetValue<string>());
        Assert.Equal("Contoso", organization["displayName"]!.GetValue<string>());
        Assert.Equal("contoso.com", organization["verifiedDomains"]![0]!["name"]!.GetValue<string>());
        Assert.Contains(organization["assignedPlans"]!.AsArray(), p => p!["servicePlanId"]!.GetValue<string>() == "eec0eb4f-6444-4f95-aba0-50c24d67f998");
        Assert.Equal(HttpStatusCode.OK, (await delegated.GetAsync($"/v1.0/organization/{Contoso.TenantId}")).Status);
    }
}
