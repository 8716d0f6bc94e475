using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 5, PlatformCaveat (PlatformCaveatRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class PlatformCaveatRuleTests
    {
        [Fact]
        public void PlatformCaveat_AuthenticatorPasskeyFromWindows_NeedsBluetooth()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(Aaguids.AuthenticatorIos, "Windows", "11", "Edge"));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("PlatformCaveat", diagnosis.ReasonCode);
            Assert.Contains("Bluetooth", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Message);
        }

        [Fact]
        public void PlatformCaveat_AuthenticatorPasskeyOnAnIphoneOfUnknownVersion_SaysCheckTheVersion()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(Aaguids.AuthenticatorIos, "iOS", null, "Safari"));

            Assert.Equal("PlatformCaveat", diagnosis.ReasonCode);
            Assert.Equal("operating system version unknown", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["caveat"]);
        }

        [Fact]
        public void PlatformCaveat_AuthenticatorPasskeyOnIos17_IsReady()
        {
            Assert.Equal(Verdict.Ready, Diagnose.Run(new AttemptHints(Aaguids.AuthenticatorIos, "iOS", "17.4", "Safari")).Verdict);
        }
    }
}
