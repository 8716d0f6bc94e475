using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1, UserNotTargeted (UserNotTargetedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class UserNotTargetedRuleTests
    {
        [Fact]
        public void UserNotTargeted_NoIncludeTargetMatches_NamesTheTargets()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.Engineering));

            RuleAssert.Blocked(diagnosis, 1, "UserNotTargeted");
            var finding = diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy];
            Assert.Contains("Passkey Users", finding.Evidence["includeTargets"]);
        }

        [Fact]
        public void UserNotTargeted_IncludedThroughNestedGroup_IsTargeted()
        {
            // Group ids are transitive: Engineering is nested in Passkey Users, so the user carries both ids.
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.Engineering, TenantBuilder.PasskeyUsers));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("Passkey Users", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["includedBy"]);
        }

        [Fact]
        public void UserNotTargeted_AllUsersTarget_IsTargeted()
        {
            var tenant = new TenantBuilder().Fido2Targets(new[] { PolicyTarget.AllUsers() }, new PolicyTarget[0]);

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().InGroups());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("all users", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["includedBy"]);
        }

        [Fact]
        public void UserNotTargeted_UserTargetedDirectly_IsTargeted()
        {
            var user = new UserBuilder().InGroups().Build();
            var tenant = new TenantBuilder().Fido2Targets(new[] { PolicyTarget.User(user.Id) }, new PolicyTarget[0]).Build();

            var diagnosis = Diagnose.Run(tenant, user);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
