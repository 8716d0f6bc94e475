using EntraPasskey.Engine.Design.Checks.Passkeys;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class PasskeysDisabledCheckTests
    {
        private readonly PasskeysDisabledCheck _check = new PasskeysDisabledCheck();

        [Fact]
        public void Fido2Disabled_Fails_ForEveryUser()
        {
            var outcome = _check.Evaluate(DesignInputs.For(new TenantBuilder().Fido2Disabled().Build()));

            Assert.NotNull(outcome);
            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Equal(100, outcome.Affected!.Users);
            Assert.Equal("disabled", outcome.Evidence["fido2State"]);
        }

        [Fact]
        public void Fido2EnabledForOneGroup_IsNotThisCheck()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().Build())));
        }
    }
}
