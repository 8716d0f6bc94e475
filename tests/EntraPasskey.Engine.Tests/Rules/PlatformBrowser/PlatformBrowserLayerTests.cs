using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 5 as a whole: what it says when no single rule decides.</summary>
    public sealed class PlatformBrowserLayerTests
    {
        [Fact]
        public void NotChecked_NoHintsAndNoDeviceInTheSignIns_SaysWhatToPass()
        {
            var user = new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-2), operatingSystem: null, browser: null));

            var diagnosis = Diagnose.Run(new TenantBuilder().Build(), user.Build());

            var finding = diagnosis.Findings[PasskeyLayer.PlatformBrowser];
            Assert.Equal(FindingStatus.NotChecked, finding.Status);
            Assert.Null(finding.ReasonCode);
            Assert.Contains("-Platform and -Browser", finding.Message);
            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("not checked: layers 5, 6, 7", diagnosis.Summary);
        }

        [Fact]
        public void NotChecked_UnrecognisedOperatingSystem_IsNotGuessed()
        {
            var user = new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-2), "PlayStation", "Other"));

            Assert.Equal(FindingStatus.NotChecked, Diagnose.Run(new TenantBuilder().Build(), user.Build()).Findings[PasskeyLayer.PlatformBrowser].Status);
        }

        [Fact]
        public void Hints_TakePrecedenceOverTheLatestSignIn()
        {
            var user = new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-2), "Windows10", "Edge 131.0.0"));

            var diagnosis = Diagnose.Run(new TenantBuilder().Build(), user.Build(), new AttemptHints(null, "Android", null, "Firefox"));

            Assert.Equal("BrowserUnsupported", diagnosis.ReasonCode);
        }
    }
}
