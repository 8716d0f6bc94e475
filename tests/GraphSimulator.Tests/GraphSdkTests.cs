using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Authentication;
using Xunit;
using CheckMemberGroupsBody = Microsoft.Graph.Users.Item.CheckMemberGroups.CheckMemberGroupsPostRequestBody;

namespace GraphSimulator.Tests;

/// <summary>The real Microsoft Graph SDK (v6) against the simulator: the shapes must deserialize as on Graph.</summary>
[Collection(SharedSimulatorCollection.Name)]
public sealed class GraphSdkTests(SharedSimulator shared)
{
    private SimulatorHost Host => shared.Host;

    [Fact]
    public async Task User_by_upn_with_apostrophe()
    {
        var user = await Client().Users["o'brien@contoso.com"].GetAsync();

        Assert.Equal(Contoso.Conor, user!.Id);
        Assert.Equal("Conor O'Brien", user.DisplayName);
    }

    [Fact]
    public async Task Page_iterator_sees_every_user_once()
    {
        var client = Client();
        var first = await client.Users.GetAsync(r => r.QueryParameters.Top = 5);
        var ids = new List<string>();
        var iterator = PageIterator<User, UserCollectionResponse>.CreatePageIterator(client, first!, user =>
        {
            ids.Add(user.Id!);
            return true;
        });

        await iterator.IterateAsync();

        Assert.Equal(Contoso.UserCount, ids.Distinct().Count());
        Assert.Equal(Contoso.UserCount, ids.Count);
    }

    [Fact]
    public async Task Errors_surface_as_odata_errors()
    {
        var notFound = await Assert.ThrowsAsync<ODataError>(() => Client().Users["ghost@contoso.com"].GetAsync());
        var denied = await Assert.ThrowsAsync<ODataError>(() =>
            Client(Host.IssueToken(["User.Read.All"])).Users[Contoso.Adele].Authentication.Methods.GetAsync());

        Assert.Equal(404, notFound.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", notFound.Error!.Code);
        Assert.Equal(403, denied.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", denied.Error!.Code);
    }

    [Fact]
    public async Task Policy_configurations_deserialize_to_their_types()
    {
        var policy = await Client().Policies.AuthenticationMethodsPolicy.GetAsync();
        var fido2 = Assert.IsType<Fido2AuthenticationMethodConfiguration>(
            await Client().Policies.AuthenticationMethodsPolicy.AuthenticationMethodConfigurations["fido2"].GetAsync());

        Assert.Equal(AuthenticationMethodsPolicyMigrationState.MigrationComplete, policy!.PolicyMigrationState);
        var tap = Assert.Single(policy.AuthenticationMethodConfigurations!.OfType<TemporaryAccessPassAuthenticationMethodConfiguration>());
        Assert.True(tap.IsUsableOnce);
        Assert.Equal(480, tap.MaximumLifetimeInMinutes);
        Assert.True(fido2.IsSelfServiceRegistrationAllowed);
        Assert.Equal(Contoso.PasskeyUsers, fido2.IncludeTargets![0].Id);
        Assert.Equal(Contoso.PasskeyExclusions, fido2.ExcludeTargets![0].Id);
        var privileged = fido2.PasskeyProfiles!.Single(p => p.Name == "Privileged passkeys");
        Assert.Equal(PasskeyTypes.DeviceBound, privileged.PasskeyTypes);
        Assert.Equal(AttestationEnforcement.RegistrationOnly, privileged.AttestationEnforcement);
        Assert.Equal(Fido2RestrictionEnforcementType.Allow, privileged.KeyRestrictions!.EnforcementType);
        Assert.Contains("a25342c0-3cdc-4414-8e46-f4807fca511c", privileged.KeyRestrictions.AaGuids!);
        Assert.Contains(fido2.IncludeTargets, t => t.AllowedPasskeyProfiles!.Contains(Guid.Parse(privileged.Id!)));
    }

    [Fact]
    public async Task Methods_deserialize_polymorphically_with_tap_usability()
    {
        var methods = await Client().Users[Contoso.Lynne].Authentication.Methods.GetAsync();
        var taps = await Client().Users[Contoso.Joni].Authentication.TemporaryAccessPassMethods.GetAsync();

        var passkey = Assert.Single(methods!.Value!.OfType<Fido2AuthenticationMethod>());
        Assert.Single(methods.Value!.OfType<PasswordAuthenticationMethod>());
        Assert.Equal("90a3ccdf-635c-4729-a248-9b709135078f", passkey.AaGuid);
        Assert.Equal(AttestationLevel.Attested, passkey.AttestationLevel);
        var tap = Assert.Single(taps!.Value!);
        Assert.True(tap.IsUsable);
        Assert.Equal("EnabledByPolicy", tap.MethodUsabilityReason);
        Assert.Null(tap.TemporaryAccessPass);
        Assert.Equal(60, tap.LifetimeInMinutes);
    }

    [Fact]
    public async Task Membership_calls_through_the_sdk()
    {
        var client = Client();
        var check = await client.Users[Contoso.Adele].CheckMemberGroups.PostAsCheckMemberGroupsPostResponseAsync(
            new CheckMemberGroupsBody { GroupIds = [Contoso.PasskeyUsers, Contoso.PasskeyExclusions] });
        var groups = await client.Users[Contoso.Adele].TransitiveMemberOf.GraphGroup.GetAsync(r => r.QueryParameters.Select = ["displayName"]);

        Assert.Equal<string>([Contoso.PasskeyUsers], check!.Value!);
        Assert.Equal<string?>(["Engineering", "Passkey Users", "TAP Onboarding"], groups!.Value!.Select(g => g.DisplayName));
    }

    [Fact]
    public async Task Batch_through_the_sdk()
    {
        var client = Client();
        var batch = new BatchRequestContentCollection(client);
        var adele = await batch.AddBatchRequestStepAsync(client.Users[Contoso.Adele].ToGetRequestInformation());
        var ghost = await batch.AddBatchRequestStepAsync(client.Users["ghost@contoso.com"].ToGetRequestInformation());

        var response = await client.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();
        var user = await response.GetResponseByIdAsync<User>(adele);

        Assert.Equal(200, (int)statuses[adele]);
        Assert.Equal(404, (int)statuses[ghost]);
        Assert.Equal("Adele Vance", user.DisplayName);
    }

    [Fact]
    public async Task Sdk_without_graph_middleware_sends_percent_encoded_options()
    {
        using var bare = new HttpClient();
        var client = new GraphServiceClient(bare, Auth(Host.IssueToken(Contoso.DiagnosticsRoles)), Host.GraphBaseUri.AbsoluteUri + "v1.0");

        var page = await client.Users.GetAsync(r =>
        {
            r.QueryParameters.Select = ["displayName", "accountEnabled"];
            r.QueryParameters.Filter = "userType eq 'Member'";
            r.QueryParameters.Top = 4;
        });

        Assert.Equal(4, page!.Value!.Count);
        Assert.All(page.Value, u => Assert.NotNull(u.AccountEnabled));
        Assert.NotNull(page.OdataNextLink);
    }

    [Fact]
    public async Task Delegated_me_through_the_sdk()
    {
        var me = await Client(Host.IssueDelegatedToken(["User.Read.All"], "LynneR@contoso.com")).Me.GetAsync();

        Assert.Equal(Contoso.Lynne, me!.Id);
    }

    private GraphServiceClient Client(string? token = null, string version = "v1.0")
    {
        var http = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), version);
        return new GraphServiceClient(http, Auth(token ?? Host.IssueToken(Contoso.DiagnosticsRoles)), Host.GraphBaseUri.AbsoluteUri + version);
    }

    private static BaseBearerTokenAuthenticationProvider Auth(string token) => new(new StaticToken(token));

    private sealed class StaticToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new(["127.0.0.1"]);

        public Task<string> GetAuthorizationTokenAsync(
            Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
