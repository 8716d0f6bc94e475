using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace GraphSimulator.Tests;

/// <summary>
/// What a lost passkey needs from Graph: the fido2Methods list, DELETE fido2Methods/{id} (the state changes: later
/// reads no longer list it) and revokeSignInSessions (recorded on the user as signInSessionsValidFromDateTime).
/// </summary>
public sealed class PasskeyRemovalTests
{
    private const string Lynne = Contoso.Lynne;
    private const string LynnePasskey = "yGE7ZzXkQkyv5GT2pN0cqw2";
    private static readonly string[] PasskeyWriter = [.. Contoso.DiagnosticsRoles, "UserAuthMethod-Passkey.ReadWrite.All"];
    private static readonly string[] SessionRevoker = [.. Contoso.DiagnosticsRoles, "User.RevokeSessions.All"];

    private static string Passkeys(string user) => $"/v1.0/users/{user}/authentication/fido2Methods";

    [Fact]
    public async Task Delete_removes_the_passkey_from_every_later_read()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(PasskeyWriter));

        var deleted = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Passkeys(Lynne)}/{LynnePasskey}"));

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(string.Empty, deleted.Text);
        Assert.Empty((await http.GetAsync(Passkeys(Lynne))).Value);
        Assert.DoesNotContain(LynnePasskey, (await http.GetAsync($"/v1.0/users/{Lynne}/authentication/methods")).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{Passkeys(Lynne)}/{LynnePasskey}")).Status);
    }

    [Fact]
    public async Task Delete_of_a_passkey_the_user_does_not_have_is_404_and_changes_nothing()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(PasskeyWriter));

        var deleted = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Passkeys(Contoso.Adele)}/{LynnePasskey}"));

        Assert.Equal(HttpStatusCode.NotFound, deleted.Status);
        Assert.Single((await http.GetAsync(Passkeys(Lynne))).Value);
    }

    [Theory]
    [InlineData("UserAuthenticationMethod.ReadWrite.All", HttpStatusCode.NoContent)]
    [InlineData("UserAuthMethod-Passkey.ReadWrite.All", HttpStatusCode.NoContent)]
    [InlineData("UserAuthenticationMethod.Read.All", HttpStatusCode.Forbidden)]
    [InlineData("UserAuthMethod-TAP.ReadWrite.All", HttpStatusCode.Forbidden)]
    public async Task Delete_needs_a_passkey_write_permission(string role, HttpStatusCode expected)
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken([role]));

        var deleted = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{Passkeys(Lynne)}/{LynnePasskey}"));

        Assert.Equal(expected, deleted.Status);
    }

    [Fact]
    public async Task Delete_is_not_a_route_for_other_method_types()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(PasskeyWriter));

        var deleted = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/v1.0/users/{Lynne}/authentication/methods/{LynnePasskey}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, deleted.Status);
        Assert.Single((await http.GetAsync(Passkeys(Lynne))).Value);
    }

    [Fact]
    public async Task The_fido2Methods_list_names_no_type_and_holds_only_passkeys()
    {
        await using var host = await Contoso.StartAsync();
        using var http = GraphHttp.Diagnostics(host);

        var listed = (await http.GetAsync(Passkeys(Lynne))).Value.Single()!.AsObject();

        Assert.Null(listed["@odata.type"]);
        Assert.Equal(LynnePasskey, listed["id"]!.GetValue<string>());
        Assert.Equal("90a3ccdf-635c-4729-a248-9b709135078f", listed["aaGuid"]!.GetValue<string>());
        Assert.Empty((await http.GetAsync(Passkeys(Contoso.Adele))).Value);
    }

    [Fact]
    public async Task Revoke_answers_true_and_records_the_time_on_the_user()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(SessionRevoker));
        var select = $"/v1.0/users/{Lynne}?$select=id,signInSessionsValidFromDateTime";
        var before = (await http.GetAsync(select)).Json["signInSessionsValidFromDateTime"];

        var revoked = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/v1.0/users/{Lynne}/revokeSignInSessions"));

        Assert.Null(before);
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.True(revoked.Json["value"]!.GetValue<bool>());
        Assert.EndsWith("$metadata#Edm.Boolean", revoked.Json["@odata.context"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2026-03-02T09:00:00Z", (await http.GetAsync(select)).Json["signInSessionsValidFromDateTime"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("User.RevokeSessions.All", HttpStatusCode.OK)]
    [InlineData("User.ReadWrite.All", HttpStatusCode.OK)]
    [InlineData("Directory.ReadWrite.All", HttpStatusCode.OK)]
    [InlineData("User.Read.All", HttpStatusCode.Forbidden)]
    public async Task Revoke_needs_a_user_write_permission(string role, HttpStatusCode expected)
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken([role]));

        var revoked = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/v1.0/users/{Lynne}/revokeSignInSessions"));

        Assert.Equal(expected, revoked.Status);
    }

    [Fact]
    public async Task Revoke_for_an_unknown_user_is_404()
    {
        await using var host = await Contoso.StartAsync();
        using var http = new GraphHttp(host, host.IssueToken(SessionRevoker));

        var revoked = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1.0/users/nobody@contoso.com/revokeSignInSessions"));

        Assert.Equal(HttpStatusCode.NotFound, revoked.Status);
    }
}
