using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInBlockedByConditionalAccess: a block on All resources that always applies, and blocks that do not.</summary>
    public sealed class SignInBlockedByConditionalAccessRuleTests
    {
        [Fact]
        public void SignInBlockedByConditionalAccess_ABlockOnEveryone_StopsThePasskey()
        {
            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(ConditionalAccessCases.BlockEveryone("Block everything")));

            SignInCheck.Blocked(diagnosis, "SignInBlockedByConditionalAccess");
            Assert.Equal("Block everything", SignInCheck.Only(diagnosis).Evidence["policy"]);
        }

        [Fact]
        public void SignInBlockedByConditionalAccess_ReportOnly_BlocksNobody()
        {
            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(ConditionalAccessCases.BlockEveryone().State(ConditionalAccessState.ReportOnly)));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInBlockedByConditionalAccess_OnLegacyClientsOnly_NeverSeesAPasskey()
        {
            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(ConditionalAccessCases.BlockEveryone().ClientApps("exchangeActiveSync", "other")));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInBlockedByConditionalAccess_WithSecurityDefaultsOn_ConditionalAccessIsNotInEffect()
        {
            var tenant = SignInCases.Tenant(ConditionalAccessCases.BlockEveryone()).SecurityDefaults(SecurityDefaults.On);

            var diagnosis = SignInCases.YubiKeyUser(tenant);

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInBlockedByConditionalAccess_TheUserExcludedByGroup_IsNotBlocked()
        {
            var policy = ConditionalAccessCases.BlockEveryone().Users(includeUsers: new[] { "All" }, excludeGroups: new[] { TenantBuilder.PasskeyUsers });

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            SignInCheck.Ready(diagnosis);
        }
    }
}
