using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1, UserExcluded (UserExcludedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class UserExcludedRuleTests
    {
        [Fact]
        public void UserExcluded_InExcludeGroupAndIncludeGroup_ExclusionWinsAndNamesTheGroup()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.PasskeyExclusions));

            RuleAssert.Blocked(diagnosis, 1, "UserExcluded");
            var finding = diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy];
            Assert.Equal("Passkey Exclusions", finding.Evidence["excludedBy"]);
            Assert.Equal(TenantBuilder.PasskeyExclusions, finding.Evidence["excludedById"]);
            Assert.Contains("'Passkey Exclusions'", finding.Message);
            Assert.Contains("Passkey Exclusions", finding.Remediation);
        }

        [Fact]
        public void UserExcluded_ExcludedDirectlyAsAUser_SaysSo()
        {
            var user = new UserBuilder().Build();
            var tenant = new TenantBuilder().Fido2Targets(new[] { PolicyTarget.AllUsers() }, new[] { PolicyTarget.User(user.Id) }).Build();

            var diagnosis = Diagnose.Run(tenant, user);

            RuleAssert.Blocked(diagnosis, 1, "UserExcluded");
            Assert.Contains("the user directly", diagnosis.Summary);
        }

        [Fact]
        public void UserExcluded_InAnotherGroupOnly_IsNotExcluded()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
