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
        public void BrowserUnsupported_OldChromeFromTheLatestSignIn_WarnsNamingTheSignInAndHowToConfirm()
        {
            var user = new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-2), "Windows10", "Chrome 70.0.3538"));

            var diagnosis = Diagnose.Run(new TenantBuilder().Build(), user.Build());

            var finding = diagnosis.Findings[PasskeyLayer.PlatformBrowser];
            Assert.Equal((Verdict.AtRisk, "BrowserUnsupported", FindingStatus.Warn), (diagnosis.Verdict, diagnosis.ReasonCode, finding.Status));
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal("Chrome 70.0.3538", finding.Evidence["browser"]);
            Assert.Equal("the latest sign-in (2026-11-25 11:58 UTC to My Signins: Windows10, Chrome 70.0.3538)", finding.Evidence["source"]);
            Assert.Equal("signin-mfa", finding.Evidence["signInId"]);
            Assert.Equal("true", finding.Evidence["inferred"]);
            Assert.Contains("This device is inferred from the latest sign-in (2026-11-25 11:58 UTC to My Signins: Windows10, Chrome 70.0.3538)", finding.Message);
            Assert.EndsWith("(the device of the latest sign-in).", diagnosis.Summary);
            Assert.DoesNotContain("signin-mfa", diagnosis.Summary);
            Assert.StartsWith("Confirm the device the user will register on: run Test-EntraPasskey again with -Platform Windows -PlatformVersion", finding.Remediation);
            Assert.Contains("-Browser Chrome", finding.Remediation);
        }

        [Fact]
        public void BrowserUnsupported_OldChromeNamedByTheCaller_Blocks()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(null, "Windows", "10.0.19045", "Chrome 70.0.3538"));

            Assert.Equal((Verdict.Blocked, "BrowserUnsupported"), (diagnosis.Verdict, diagnosis.ReasonCode));
            Assert.False(diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence.ContainsKey("inferred"));
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
