using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using Xunit;
using GraphModels = Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Tests.Conformance
{
    /// <summary>Documented Conditional Access policies through the SDK and <see cref="ConditionalAccessMapper"/>.</summary>
    public sealed class ConditionalAccessCorpusTests
    {
        [Fact]
        public async Task Policies_RegistrationAndAllResourcesPoliciesAreKeptWithTheirStrengths()
        {
            var policies = (await Corpus.ParseAsync("conditional-access-policies", GraphModels.ConditionalAccessPolicyCollectionResponse.CreateFromDiscriminatorValue)).Value!;

            var registration = policies.Select(ConditionalAccessMapper.Map).Where(p => p != null).Select(p => p!).ToList();
            var allResources = policies.Select(ConditionalAccessMapper.MapAllResources).Where(p => p != null).Select(p => p!).ToList();

            Assert.Equal(new[] { "1d7f4b92-3c08-4e65-a2b1-8f0e6d9c5a37", "f08c3b61-4d97-4a25-8e0c-7b2d5f9a1e36" }, registration.Select(p => p.Id));
            var keys = registration[0];
            Assert.Equal(ConditionalAccessState.Enabled, keys.State);
            Assert.Equal(new[] { "c4e81b27-95d3-4a06-8f7c-2b9d5e0a3f61" }, keys.Users.IncludeGroups);
            Assert.Equal("Company security keys", keys.Grant.AuthenticationStrength!.DisplayName);
            Assert.Equal(new[] { "fido2", "temporaryAccessPassOneTime" }, keys.Grant.AuthenticationStrength.AllowedCombinations.Select(c => string.Join(",", c)));

            var contractors = registration[1];
            Assert.True(contractors.Grant.RequireAll);
            Assert.Equal(new[] { "mfa", "compliantDevice" }, contractors.Grant.BuiltInControls);
            Assert.Null(contractors.Grant.AuthenticationStrength);
            Assert.Equal(new[] { "All" }, contractors.Conditions.IncludeLocations);
            Assert.Equal(new[] { "AllTrusted" }, contractors.Conditions.ExcludeLocations);
            Assert.Equal(new[] { "android", "iOS" }, contractors.Conditions.IncludePlatforms);

            var everyone = Assert.Single(allResources);
            Assert.Equal(ConditionalAccessState.ReportOnly, everyone.State);
            Assert.Equal(new[] { "6aa00308-ea33-4caa-90d6-ae905d8cb51b" }, everyone.ExcludeApplications);
            Assert.Contains(everyone.Grant.AuthenticationStrength!.AllowedCombinations, c => c.SequenceEqual(new[] { "password", "sms" }));
        }

        [Fact]
        public async Task SecurityDefaults_IsEnabledIsRead()
        {
            var policy = await Corpus.ParseAsync("security-defaults", GraphModels.IdentitySecurityDefaultsEnforcementPolicy.CreateFromDiscriminatorValue);

            Assert.Equal(("00000000-0000-0000-0000-000000000005", false), (policy.Id, policy.IsEnabled!.Value));
        }
    }
}
