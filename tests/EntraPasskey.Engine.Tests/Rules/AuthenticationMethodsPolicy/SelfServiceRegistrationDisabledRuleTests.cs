using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1, SelfServiceRegistrationDisabled (SelfServiceRegistrationDisabledRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class SelfServiceRegistrationDisabledRuleTests
    {
        [Fact]
        public void SelfServiceRegistrationDisabled_SettingOff_BlocksAtLayer1()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().SelfServiceOff(), new UserBuilder());

            RuleAssert.Blocked(diagnosis, 1, "SelfServiceRegistrationDisabled");
        }

        [Fact]
        public void SelfServiceRegistrationDisabled_SettingOnButMethodOff_IsFido2MethodDisabled()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().Fido2Disabled(), new UserBuilder());

            Assert.NotEqual("SelfServiceRegistrationDisabled", diagnosis.ReasonCode);
            RuleAssert.Blocked(diagnosis, 1, "Fido2MethodDisabled");
            Assert.False(diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence.ContainsKey("isSelfServiceRegistrationAllowed"));
        }
    }
}
