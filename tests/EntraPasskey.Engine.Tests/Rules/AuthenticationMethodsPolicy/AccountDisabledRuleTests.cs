using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1, AccountDisabled (AccountDisabledRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AccountDisabledRuleTests
    {
        [Fact]
        public void AccountDisabled_DisabledAccount_BlocksAtLayer1()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().Disabled());

            RuleAssert.Blocked(diagnosis, 1, "AccountDisabled");
            Assert.Equal("false", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["accountEnabled"]);
        }

        [Fact]
        public void AccountDisabled_AccountEnabledNotReturned_IsNotReadAsDisabled()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().AccountEnabledUnknown());

            Assert.NotEqual("AccountDisabled", diagnosis.ReasonCode);
            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            var finding = diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy];
            Assert.Equal(FindingStatus.Pass, finding.Status);
            Assert.False(finding.Evidence.ContainsKey("accountEnabled"));
        }
    }
}
