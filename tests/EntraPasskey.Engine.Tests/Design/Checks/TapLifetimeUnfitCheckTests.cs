using EntraPasskey.Engine.Design.Checks.Tap;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class TapLifetimeUnfitCheckTests
    {
        private readonly TapLifetimeUnfitCheck _check = new TapLifetimeUnfitCheck();

        [Fact]
        public void MaximumJustUnderAnHour_IsTooShort()
        {
            var outcome = Evaluate(maximum: TapLifetimeUnfitCheck.ShortestFitMaximum - 1);

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Null(outcome.Severity);
        }

        [Fact]
        public void MaximumOfExactlyAnHour_Fits()
        {
            Assert.Null(Evaluate(maximum: TapLifetimeUnfitCheck.ShortestFitMaximum));
        }

        [Fact]
        public void MaximumOfExactlyADay_Fits()
        {
            Assert.Null(Evaluate(maximum: TapLifetimeUnfitCheck.LongestFitMaximum));
        }

        [Fact]
        public void MaximumJustOverADay_IsTooLong_AtLow()
        {
            Assert.Equal(DesignSeverity.Low, Evaluate(maximum: TapLifetimeUnfitCheck.LongestFitMaximum + 1)!.Severity);
        }

        private Engine.Design.DesignOutcome? Evaluate(int maximum) =>
            _check.Evaluate(DesignInputs.For(new TenantBuilder()
                .Method(TapUnavailableCheckTests.Tap(true, new[] { PolicyTarget.AllUsers() }, minimum: 10, defaultLifetime: 10, maximum: maximum))
                .Build()));
    }
}
