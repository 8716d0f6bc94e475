using EntraPasskey.Engine.Design.Checks.Passkeys;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class SelfServiceSetupDisabledCheckTests
    {
        private readonly SelfServiceSetupDisabledCheck _check = new SelfServiceSetupDisabledCheck();

        [Fact]
        public void SelfServiceOff_Fails_ForTheTargetedUsers()
        {
            var outcome = _check.Evaluate(DesignInputs.For(new TenantBuilder().SelfServiceOff().Build()));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Equal(80, outcome.Affected!.Users);
        }

        [Fact]
        public void SelfServiceOff_WithPasskeysDisabled_IsLeftToPasskeysDisabled()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().SelfServiceOff().Fido2Disabled().Build())));
        }
    }
}
