using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>
/// <c>reports/authenticationMethods/userRegistrationDetails</c>: the documented row shape (microsoft-graph-docs-contrib
/// resources/userregistrationdetails.md and its list example), methodsRegistered from the stored methods, licence and
/// permission.
/// </summary>
public sealed class RegistrationDetailsTests
{
    private const string Report = "/v1.0/reports/authenticationMethods/userRegistrationDetails";

    /// <summary>Every property of the documented example row.</summary>
    private static readonly string[] DocumentedProperties =
    [
        "id", "userPrincipalName", "userDisplayName", "isAdmin", "isSsprRegistered", "isSsprEnabled", "isSsprCapable",
        "isMfaRegistered", "isMfaCapable", "isPasswordlessCapable", "lastUpdatedDateTime", "methodsRegistered",
        "isSystemPreferredAuthenticationMethodEnabled", "systemPreferredAuthenticationMethods",
        "userPreferredMethodForSecondaryAuthentication", "userType",
    ];

    [Fact]
    public async Task Every_user_has_one_row_in_the_documented_shape()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync(Report);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Contoso.UserCount, reply.Value.Count);
        Assert.All(reply.Value, row => Assert.Equal(DocumentedProperties.OrderBy(p => p), row!.AsObject().Select(p => p.Key).OrderBy(p => p)));
        Assert.EndsWith("/v1.0/$metadata#reports/authenticationMethods/userRegistrationDetails", reply.Json["@odata.context"]!.GetValue<string>());
    }

    [Fact]
    public async Task MethodsRegistered_names_methods_as_the_report_does()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);

        Assert.Equal(["mobilePhone"], Methods(await http.GetAsync($"{Report}/{Contoso.Alex}")));
        Assert.Equal(["microsoftAuthenticatorPush"], Methods(await http.GetAsync($"{Report}/{Contoso.Adele}")));
        Assert.Equal(["passKeyDeviceBoundAuthenticator"], Methods(await http.GetAsync($"{Report}/{Contoso.Lynne}")));
        Assert.Equal(["email", "softwareOneTimePasscode"], Methods(await http.GetAsync($"{Report}/{Contoso.Isaiah}")).Order());
        Assert.Equal("guest", (await http.GetAsync($"{Report}/{Contoso.Pat}")).Json["userType"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_synced_passkey_is_passKeySynced_and_filters_work()
    {
        var tenant = Contoso.Load();
        var alex = tenant["users"]!.AsArray().First(u => u!["id"]!.GetValue<string>() == Contoso.Alex)!;
        alex["methods"]!.AsArray().Add(new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.fido2AuthenticationMethod", ["id"] = "synced-1", ["displayName"] = "iCloud Keychain",
            ["aaGuid"] = "fbfc3007-154e-4ecc-8c0b-6e020557d7bd", ["passkeyType"] = "synced", ["attestationLevel"] = "notAttested",
        });
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync($"{Report}?$filter=methodsRegistered/any(m: m eq 'passKeySynced')");

        Assert.Contains(Contoso.Alex, reply.Ids);
        Assert.All(reply.Value, row => Assert.Contains("passKeySynced", row!["methodsRegistered"]!.AsArray().Select(m => m!.GetValue<string>())));
        Assert.Contains("passKeySynced", Methods(await http.GetAsync($"{Report}/{Contoso.Alex}")));
    }

    [Fact]
    public async Task A_Free_tenant_gets_the_premium_licence_403()
    {
        var tenant = Contoso.Load();
        tenant["licence"] = "Free";
        await using var host = await Contoso.StartAsync(tenant);
        using var http = GraphHttp.Diagnostics(host);

        var reply = await http.GetAsync(Report);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("Authentication_RequestFromNonPremiumTenantOrB2CTenant", reply.Json["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task It_needs_AuditLog_Read_All_or_UserAuthenticationMethod_Read_All()
    {
        await using var host = await Contoso.StartAsync();
        using var without = new GraphHttp(host, host.IssueToken(["User.Read.All", "Policy.Read.All"]));
        using var methods = new GraphHttp(host, host.IssueToken(["UserAuthenticationMethod.Read.All"]));

        Assert.Equal(HttpStatusCode.Forbidden, (await without.GetAsync(Report)).Status);
        Assert.Equal(HttpStatusCode.OK, (await methods.GetAsync(Report)).Status);
    }

    private static string[] Methods(Reply reply) =>
        reply.Json["methodsRegistered"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
}
