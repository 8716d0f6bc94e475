using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 5, BrowserUnsupported (BrowserUnsupportedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class BrowserUnsupportedRuleTests
    {
        [Fact]
        public void BrowserUnsupported_FirefoxOnAndroid_BlocksAtLayer5ForTheEndpointTeam()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(null, "Android", "14", "Firefox"));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(5, diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            Assert.Equal("BrowserUnsupported", diagnosis.ReasonCode);
            Assert.Contains("Firefox on Android does not support passkeys", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Message);
            Assert.Equal("the -Platform/-Browser parameters", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["source"]);
            Assert.Contains("Chrome, Edge", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Remediation);
        }

        [Fact]
        public void BrowserUnsupported_OldChromeFromTheLatestSignIn_Blocks()
        {
            var user = new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-2), "Windows10", "Chrome 70.0.3538"));

            var diagnosis = Diagnose.Run(new TenantBuilder().Build(), user.Build());

            Assert.Equal("BrowserUnsupported", diagnosis.ReasonCode);
            Assert.Equal("Chrome 70.0.3538", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["browser"]);
            Assert.StartsWith("the latest sign-in (2026-11-25 11:58 UTC: Windows10, Chrome 70.0.3538)", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["source"]);
        }

        [Fact]
        public void BrowserUnsupported_ChromeAtTheMinimumVersion_IsFine()
        {
            var user = new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-2), "Windows10", "Chrome 76.0.3809"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder().Build(), user.Build()).Verdict);
        }

        [Fact]
        public void BrowserUnsupported_ChromeOnAndroid_IsNotABrowserProblem()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(null, "Android", "14", "Chrome"));

            Assert.NotEqual("BrowserUnsupported", diagnosis.ReasonCode);
            Assert.NotEqual(Verdict.Blocked, diagnosis.Verdict);
        }
    }
}
