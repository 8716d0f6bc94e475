using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 5, PlatformTooOld (PlatformTooOldRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class PlatformTooOldRuleTests
    {
        [Theory]
        [InlineData("iOS", "13.7")]
        [InlineData("Windows", "10.0.17763")]
        [InlineData("macOS", "10.15")]
        public void PlatformTooOld_BelowThePlatformMinimum_Blocks(string platform, string version)
        {
            var diagnosis = Diagnose.Run(new AttemptHints(null, platform, version, null));

            Assert.Equal("PlatformTooOld", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
        }

        [Fact]
        public void PlatformTooOld_AuthenticatorPasskeyOnIos16_Blocks()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(Aaguids.AuthenticatorIos, "iOS", "16.7", "Safari"));

            Assert.Equal("PlatformTooOld", diagnosis.ReasonCode);
            Assert.Contains("needs iOS 17 or later", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Message);
            Assert.Equal("17", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["minimumVersion"]);
        }

        [Theory]
        [InlineData("Windows", "10")]
        [InlineData("Windows", "11")]
        [InlineData("Windows", "10.0.19045")]
        public void PlatformTooOld_VersionNotKnownToBeOlder_DoesNotFail(string platform, string version)
        {
            Assert.Equal(Verdict.Ready, Diagnose.Run(new AttemptHints(null, platform, version, "Edge")).Verdict);
        }

        [Fact]
        public void PlatformTooOld_AuthenticatorPasskeyOnAndroid14_IsFine()
        {
            Assert.Equal(Verdict.Ready, Diagnose.Run(new AttemptHints(Aaguids.AuthenticatorAndroid, "Android", "14", "Chrome")).Verdict);
        }
    }
}
