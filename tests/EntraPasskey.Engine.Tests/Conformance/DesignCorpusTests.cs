using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Design.Checks.Users;
using EntraPasskey.Engine.Graph;
using Xunit;
using GraphModels = Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Tests.Conformance
{
    /// <summary>The design audit's own replies from tests/Conformance through its readers: the registration report and the counts.</summary>
    public sealed class DesignCorpusTests
    {
        [Fact]
        public async Task RegistrationReport_MapsEveryRow_WithItsMethods()
        {
            var page = await Corpus.ParseAsync("user-registration-details", GraphModels.UserRegistrationDetailsCollectionResponse.CreateFromDiscriminatorValue);

            var users = page!.Value!.Select(RegistrationDetailsReader.Map).ToList();

            Assert.Equal(new[] { "KaiN@contoso.com", "ines_fabrikam.com#EXT#@contoso.onmicrosoft.com", "OluA@contoso.com" }, users.Select(u => u.UserPrincipalName));
            Assert.Equal(new[] { "Member", "Guest", "Member" }, users.Select(u => u.UserType));
            Assert.Equal(new[] { "mobilePhone", "microsoftAuthenticatorPush", "softwareOneTimePasscode" }, users[2].MethodsRegistered);
            Assert.Empty(users[1].MethodsRegistered);
            Assert.DoesNotContain(users, SmsVoiceOnlyUsersCheck.IsPhoneOnly);
        }

        [Theory]
        [InlineData("group-transitive-member-users", 7)]
        [InlineData("users-count", 29)]
        public async Task Counts_AreGraphsODataCount(string fixture, int count)
        {
            var page = await Corpus.ParseAsync(fixture, GraphModels.UserCollectionResponse.CreateFromDiscriminatorValue);

            Assert.Equal(count, page!.OdataCount);
        }
    }
}
