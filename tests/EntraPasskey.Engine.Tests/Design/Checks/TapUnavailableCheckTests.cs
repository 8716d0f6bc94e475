using System;
using EntraPasskey.Engine.Design.Checks.Tap;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class TapUnavailableCheckTests
    {
        private readonly TapUnavailableCheck _check = new TapUnavailableCheck();

        [Fact]
        public void TapDisabled_Fails()
        {
            var tenant = new TenantBuilder().Method(Tap(enabled: false, new[] { PolicyTarget.AllUsers() })).Build();

            Assert.Equal("disabled", _check.Evaluate(DesignInputs.For(tenant))!.Evidence["temporaryAccessPass"]);
        }

        [Fact]
        public void TapEnabledForNobody_Fails()
        {
            var tenant = new TenantBuilder().Method(Tap(enabled: true, Array.Empty<PolicyTarget>())).Build();

            Assert.Equal(FindingStatus.Fail, _check.Evaluate(DesignInputs.For(tenant))!.Status);
        }

        [Fact]
        public void TapEnabledForOneGroup_Passes()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().Build())));
        }

        internal static TapPolicy Tap(bool enabled, PolicyTarget[] include, int minimum = 60, int defaultLifetime = 60, int maximum = 480, bool once = true) =>
            new TapPolicy(enabled, include, Array.Empty<PolicyTarget>(), defaultLifetime, minimum, maximum, once, 8);
    }
}
