using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1, GuestUser (GuestUserRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class GuestUserRuleTests
    {
        [Fact]
        public void GuestUser_GuestUserType_BlocksAtLayer1()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().Guest("Guest", "Accepted"));

            RuleAssert.Blocked(diagnosis, 1, "GuestUser");
            Assert.Equal("Guest", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["userType"]);
        }

        [Fact]
        public void GuestUser_B2BCollaborationMember_BlocksAtLayer1()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().Guest("Member", "Accepted"));

            RuleAssert.Blocked(diagnosis, 1, "GuestUser");
            Assert.Equal("Accepted", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["externalUserState"]);
        }

        [Fact]
        public void GuestUser_MemberWithoutExternalState_IsNotAGuest()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().Guest("Member", null, creationType: null));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
