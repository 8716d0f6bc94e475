using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1, Fido2MethodDisabled (Fido2MethodDisabledRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class Fido2MethodDisabledRuleTests
    {
        [Fact]
        public void Fido2MethodDisabled_MethodOff_BlocksEveryone()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().Fido2Disabled(), new UserBuilder());

            RuleAssert.Blocked(diagnosis, 1, "Fido2MethodDisabled");
        }

        [Fact]
        public void Fido2MethodDisabled_MethodOnButSelfServiceOff_IsSelfServiceRegistrationDisabled()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().SelfServiceOff(), new UserBuilder());

            Assert.NotEqual("Fido2MethodDisabled", diagnosis.ReasonCode);
            RuleAssert.Blocked(diagnosis, 1, "SelfServiceRegistrationDisabled");
            Assert.False(diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence.ContainsKey("fido2State"));
        }
    }
}
