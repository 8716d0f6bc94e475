using System;
using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using Xunit;
using GraphModels = Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Tests.Conformance
{
    /// <summary>A user's account, methods and memberships as Graph documents them, through the SDK and the engine's mapping.</summary>
    public sealed class UserCorpusTests
    {
        [Fact]
        public async Task Methods_EveryDocumentedTypeMapsToItsKind()
        {
            var methods = (await Corpus.ParseAsync("user-authentication-methods", GraphModels.AuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue))
                .Value!.Select(MethodMapper.Map).ToList();

            Assert.Equal(
                new[]
                {
                    MethodKind.Password, MethodKind.Email, MethodKind.Phone, MethodKind.Phone, MethodKind.MicrosoftAuthenticator, MethodKind.SoftwareOath,
                    MethodKind.Fido2, MethodKind.Fido2, MethodKind.WindowsHelloForBusiness, MethodKind.PlatformCredential, MethodKind.TemporaryAccessPass,
                    MethodKind.QrCodePin, MethodKind.External, MethodKind.HardwareOath,
                },
                methods.Select(m => m.Kind));
            Assert.Equal(new[] { "mobile", "office" }, methods.Where(m => m.Kind == MethodKind.Phone).Select(m => m.PhoneType));
            Assert.Equal("6.2507.4749", methods.Single(m => m.Kind == MethodKind.MicrosoftAuthenticator).AppVersion);
            Assert.Equal(
                new (Guid, string?, string?)[] { (new Guid("cb69481e-8ff7-4039-93ec-0a2729a154a8"), "deviceBound", "attested"), (new Guid("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"), "synced", "notAttested") },
                methods.Where(m => m.Kind == MethodKind.Fido2).Select(m => (m.Aaguid!.Value, m.PasskeyType, m.AttestationLevel)));
            var tap = methods.Single(m => m.Kind == MethodKind.TemporaryAccessPass);
            Assert.Equal((true, "EnabledByPolicy", 480, true), (tap.TapIsUsable!.Value, tap.TapUsabilityReason, tap.TapLifetimeMinutes!.Value, tap.TapIsUsableOnce!.Value));
            Assert.Equal(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero), tap.TapStart);
            Assert.Equal(("4b7e2a90-6d15-4c38-9f02-8e1a3c5d7b69", "Tailspin Verify"), (methods.Single(m => m.Kind == MethodKind.External).ConfigurationId, methods.Single(m => m.Kind == MethodKind.External).DisplayName));
        }

        [Fact]
        public async Task Fido2Methods_WithoutAType_AreReadAsPasskeysWithModelAndDate()
        {
            var passkeys = (await Corpus.ParseAsync("user-fido2-methods", GraphModels.Fido2AuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue))
                .Value!.Select(MethodMapper.Map).ToList();

            Assert.All(passkeys, p => Assert.Equal(MethodKind.Fido2, p.Kind));
            Assert.Equal(new[] { "gT3q7Zk0Rk2Pq9xYw4Lm8A2", "Hb5w1Nc8Tq6Jv2Rz0Ys7Ek3" }, passkeys.Select(p => p.Id));
            Assert.Equal(new[] { "YubiKey 5 Series with NFC", "iCloud Keychain" }, passkeys.Select(p => p.Model));
            Assert.Equal(new DateTimeOffset(2026, 2, 11, 10, 12, 33, TimeSpan.Zero), passkeys[0].CreatedAt);
            Assert.Equal((new Guid("fbfc3007-154e-4ecc-8c0b-6e020557d7bd"), "synced", "notAttested"), (passkeys[1].Aaguid!.Value, passkeys[1].PasskeyType, passkeys[1].AttestationLevel));
        }

        [Fact]
        public async Task RevokeSignInSessions_TheReplyIsTrue()
        {
            var reply = await Corpus.ParseAsync("revoke-sign-in-sessions", Microsoft.Graph.Users.Item.RevokeSignInSessions.RevokeSignInSessionsPostResponse.CreateFromDiscriminatorValue);

            Assert.True(reply.Value);
        }

        [Fact]
        public async Task TransitiveMemberOf_WithSelectId_GivesTheGroupIds()
        {
            var page = await Corpus.ParseAsync("user-transitive-member-of", GraphModels.DirectoryObjectCollectionResponse.CreateFromDiscriminatorValue);

            Assert.Equal(new[] { "c4e81b27-95d3-4a06-8f7c-2b9d5e0a3f61", "3e9a5c71-0b2d-4f86-a4e3-6c1d8b7f0a25" }, page.Value!.Select(o => o.Id));
            Assert.All(page.Value!, o => Assert.IsType<GraphModels.Group>(o));
        }

        [Theory]
        [InlineData("user.member", "KenjiT@woodgrove.example", "Member", null, null)]
        [InlineData("user.guest", "amira_fourthcoffee.example#EXT#@woodgrove.onmicrosoft.com", "Guest", "Invitation", "Accepted")]
        public async Task User_TheSelectedPropertiesAreRead(string fixture, string upn, string userType, string? creationType, string? externalState)
        {
            var user = await Corpus.ParseAsync(fixture, GraphModels.User.CreateFromDiscriminatorValue);

            Assert.Equal((upn, true, userType, creationType, externalState), (user.UserPrincipalName, user.AccountEnabled!.Value, user.UserType, user.CreationType, user.ExternalUserState));
        }

        [Fact]
        public async Task Group_TheNameOfATargetIsRead()
        {
            var group = await Corpus.ParseAsync("group", GraphModels.Group.CreateFromDiscriminatorValue);

            Assert.Equal(("c4e81b27-95d3-4a06-8f7c-2b9d5e0a3f61", "Tier 0 Administrators"), (group.Id, group.DisplayName));
        }

        [Fact]
        public async Task TemporaryAccessPass_Created_CarriesThePassOnce()
        {
            var created = await Corpus.ParseAsync("temporary-access-pass-created", GraphModels.TemporaryAccessPassAuthenticationMethod.CreateFromDiscriminatorValue);
            var listed = (await Corpus.ParseAsync("user-authentication-methods", GraphModels.AuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue))
                .Value!.OfType<GraphModels.TemporaryAccessPassAuthenticationMethod>().Single();

            Assert.Equal(("q7!Xm2@pL9", 480, true, false, "NotYetValid"), (created.TemporaryAccessPass, created.LifetimeInMinutes!.Value, created.IsUsableOnce!.Value, created.IsUsable!.Value, created.MethodUsabilityReason));
            Assert.Null(listed.TemporaryAccessPass);
        }
    }
}
