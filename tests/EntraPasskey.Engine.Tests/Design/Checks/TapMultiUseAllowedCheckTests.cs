using EntraPasskey.Engine.Design.Checks.Tap;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class TapMultiUseAllowedCheckTests
    {
        private readonly TapMultiUseAllowedCheck _check = new TapMultiUseAllowedCheck();

        [Fact]
        public void MultiUseAllowed_Fails()
        {
            var tenant = new TenantBuilder().Method(TapUnavailableCheckTests.Tap(true, new[] { PolicyTarget.AllUsers() }, once: false)).Build();

            Assert.Equal("false", _check.Evaluate(DesignInputs.For(tenant))!.Evidence["isUsableOnce"]);
        }

        [Fact]
        public void MultiUseAllowed_ButTapDisabled_IsLeftToTapUnavailable()
        {
            var tenant = new TenantBuilder().Method(TapUnavailableCheckTests.Tap(false, new[] { PolicyTarget.AllUsers() }, once: false)).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(tenant)));
        }

        [Fact]
        public void OneTimeOnly_Passes()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().Build())));
        }
    }
}
