using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 5, RegistrationPathLimited (RegistrationPathLimitedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class RegistrationPathLimitedRuleTests
    {
        [Fact]
        public void RegistrationPathLimited_PlatformPasskeyFromTheCatalog_IsAKnownPathNotAWarning()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(Aaguids.ICloudKeychain, "iOS", "17.4", "Safari"));

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PlatformBrowser].Status);
            Assert.Equal("a platform passkey (from -Aaguid)", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["path"]);
        }

        [Fact]
        public void RegistrationPathLimited_SafariOnMacWithoutAnAaguid_WarnsAndSaysWhatWorks()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(null, "macOS", "14.2", "Safari"));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("RegistrationPathLimited", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.PlatformBrowser];
            Assert.Contains("cannot be registered in Safari on macOS", finding.Evidence["notAvailableHere"]);
            Assert.StartsWith("a passkey in Microsoft Authenticator; a synced passkey in iCloud Keychain", finding.Evidence["availableHere"]);
        }

        [Fact]
        public void RegistrationPathLimited_ChromeOnMac_Passes()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(null, "macOS", "14.2", "Chrome"));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("Only USB security keys work on macOS", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["notes"]);
        }

        [Fact]
        public void RegistrationPathLimited_Ios16_SaysOnlyASyncedPasskeyCouldWork()
        {
            var finding = Diagnose.Run(new AttemptHints(null, "iOS", "16.7", "Safari")).Findings[PasskeyLayer.PlatformBrowser];

            Assert.Equal("RegistrationPathLimited", finding.ReasonCode);
            Assert.Contains("needs iOS 17 or later", finding.Evidence["notAvailableHere"]);
            Assert.Equal("a synced passkey in iCloud Keychain (iOS 16 or later), if the passkey profile allows synced passkeys", finding.Evidence["availableHere"]);
        }

        [Fact]
        public void RegistrationPathLimited_SameLimitsSeenOnlyInTheLatestSignIn_AreEvidenceNotAWarning()
        {
            var user = new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-2), "Ios 17.2", "Mobile Safari"));

            var diagnosis = Diagnose.Run(new TenantBuilder().Build(), user.Build());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            var finding = diagnosis.Findings[PasskeyLayer.PlatformBrowser];
            Assert.Equal(FindingStatus.Pass, finding.Status);
            Assert.Equal("iOS", finding.Evidence["platform"]);
            Assert.Equal("17.2", finding.Evidence["platformVersion"]);
            Assert.Equal("Safari", finding.Evidence["browser"]);
            Assert.Contains("iOS browsers", finding.Evidence["notAvailableHere"]);
        }
    }
}
