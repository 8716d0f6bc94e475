using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.ConditionalAccessCases;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, ConditionalAccessScopeUnknown (RegistrationScopeUnknownRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class RegistrationScopeUnknownRuleTests
    {
        [Fact]
        public void ConditionalAccessScopeUnknown_OnlyRolesDecide_IsUnknownNotReady()
        {
            var policy = new RegistrationPolicyBuilder("Admins register from PAWs").Users(includeRoles: new[] { RoleGlobalAdministrator }).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal("ConditionalAccessScopeUnknown", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Contains("it applies to holders of the Global Administrator role, and role membership is not read", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Message);
            Assert.DoesNotContain(RoleGlobalAdministrator, diagnosis.Summary);
        }

        [Fact]
        public void ConditionalAccessScopeUnknown_RolesAndAllUsers_TheUserIsInScopeAnyway()
        {
            var policy = new RegistrationPolicyBuilder().Users(includeUsers: new[] { "All" }, includeRoles: new[] { RoleGlobalAdministrator }).Grant("block").Build();

            Assert.Equal("RegistrationBlockedByConditionalAccess", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).ReasonCode);
        }
    }
}
