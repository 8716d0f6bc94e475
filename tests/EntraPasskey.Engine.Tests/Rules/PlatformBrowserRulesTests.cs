using System;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 5: the platform and browser against the compatibility matrix, from -Platform/-Browser or the latest sign-in.</summary>
    public sealed class PlatformBrowserRulesTests
    {
        private static readonly Guid AuthenticatorIos = new Guid("90a3ccdf-635c-4729-a248-9b709135078f");
        private static readonly Guid AuthenticatorAndroid = new Guid("de1e552d-db1d-4423-a619-566b625cdc84");

        [Fact]
        public void BrowserUnsupported_FirefoxOnAndroid_BlocksAtLayer5ForTheEndpointTeam()
        {
            var diagnosis = Run(new AttemptHints(null, "Android", "14", "Firefox"));

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
            var diagnosis = Run(new AttemptHints(null, "Android", "14", "Chrome"));

            Assert.NotEqual("BrowserUnsupported", diagnosis.ReasonCode);
            Assert.NotEqual(Verdict.Blocked, diagnosis.Verdict);
        }

        [Theory]
        [InlineData("iOS", "13.7")]
        [InlineData("Windows", "10.0.17763")]
        [InlineData("macOS", "10.15")]
        public void PlatformTooOld_BelowThePlatformMinimum_Blocks(string platform, string version)
        {
            var diagnosis = Run(new AttemptHints(null, platform, version, null));

            Assert.Equal("PlatformTooOld", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
        }

        [Fact]
        public void PlatformTooOld_AuthenticatorPasskeyOnIos16_Blocks()
        {
            var diagnosis = Run(new AttemptHints(AuthenticatorIos, "iOS", "16.7", "Safari"));

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
            Assert.Equal(Verdict.Ready, Run(new AttemptHints(null, platform, version, "Edge")).Verdict);
        }

        [Fact]
        public void PlatformTooOld_AuthenticatorPasskeyOnAndroid14_IsFine()
        {
            Assert.Equal(Verdict.Ready, Run(new AttemptHints(AuthenticatorAndroid, "Android", "14", "Chrome")).Verdict);
        }

        [Fact]
        public void RegistrationPathUnsupported_AuthenticatorPasskeyFromFirefoxOnLinux_Blocks()
        {
            var diagnosis = Run(new AttemptHints(AuthenticatorAndroid, "Linux", null, "Firefox"));

            Assert.Equal("RegistrationPathUnsupported", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.PlatformBrowser];
            Assert.Contains("Firefox on Linux cannot register a passkey in Microsoft Authenticator", finding.Message);
            Assert.Equal("Register from Chrome or Edge on Linux, or add the passkey in the Microsoft Authenticator app on the phone itself.", finding.Remediation);
        }

        [Fact]
        public void RegistrationPathUnsupported_AuthenticatorPasskeyFromChromeOnLinux_WorksCrossDevice()
        {
            var diagnosis = Run(new AttemptHints(AuthenticatorAndroid, "Linux", null, "Chrome"));

            Assert.Equal("PlatformCaveat", diagnosis.ReasonCode);
        }

        [Fact]
        public void RegistrationPathUnsupported_SecurityKeyFromTheCatalogInSafariOnMac_Blocks()
        {
            // The catalog knows the AAGUID is a hardware key, so the attempt took the security-key path.
            var diagnosis = Run(new AttemptHints(Aaguids.YubiKey5Nfc, "macOS", "14.2", "Safari"));

            Assert.Equal("RegistrationPathUnsupported", diagnosis.ReasonCode);
            Assert.Equal("a security key (from -Aaguid)", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["path"]);
        }

        [Fact]
        public void RegistrationPathUnsupported_SecurityKeyInSafariOnMac_NamesTheBrowsersThatRegisterKeysNotAuthenticator()
        {
            var finding = Run(new AttemptHints(Aaguids.YubiKey5Nfc, "macOS", "14.2", "Safari")).Findings[PasskeyLayer.PlatformBrowser];

            Assert.Equal("RegistrationPathUnsupported", finding.ReasonCode);
            Assert.StartsWith("Safari on macOS 14.2 cannot register a security key: A new security key cannot be registered in Safari on macOS", finding.Message);
            Assert.Equal("Register the security key in Edge or Chrome on macOS, or on another computer.", finding.Remediation);
            Assert.DoesNotContain("Authenticator", finding.Remediation);
        }

        [Fact]
        public void RegistrationPathUnsupported_SecurityKeyOnIos_NoBrowserThere_NamesThePlatformsThatRegisterKeys()
        {
            var finding = Run(new AttemptHints(Aaguids.YubiKey5Nfc, "iOS", "17.4", "Safari")).Findings[PasskeyLayer.PlatformBrowser];

            Assert.Equal("RegistrationPathUnsupported", finding.ReasonCode);
            Assert.Equal("Register the security key on another computer (Windows, macOS or Linux) in a browser that can register security keys there.", finding.Remediation);
        }

        [Fact]
        public void RegistrationPathLimited_PlatformPasskeyFromTheCatalog_IsAKnownPathNotAWarning()
        {
            var diagnosis = Run(new AttemptHints(Aaguids.ICloudKeychain, "iOS", "17.4", "Safari"));

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PlatformBrowser].Status);
            Assert.Equal("a platform passkey (from -Aaguid)", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["path"]);
        }

        [Fact]
        public void RegistrationPathLimited_SafariOnMacWithoutAnAaguid_WarnsAndSaysWhatWorks()
        {
            var diagnosis = Run(new AttemptHints(null, "macOS", "14.2", "Safari"));

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
            var diagnosis = Run(new AttemptHints(null, "macOS", "14.2", "Chrome"));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("Only USB security keys work on macOS", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["notes"]);
        }

        [Fact]
        public void RegistrationPathLimited_Ios16_SaysOnlyASyncedPasskeyCouldWork()
        {
            var finding = Run(new AttemptHints(null, "iOS", "16.7", "Safari")).Findings[PasskeyLayer.PlatformBrowser];

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

        [Fact]
        public void PlatformCaveat_AuthenticatorPasskeyFromWindows_NeedsBluetooth()
        {
            var diagnosis = Run(new AttemptHints(AuthenticatorIos, "Windows", "11", "Edge"));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("PlatformCaveat", diagnosis.ReasonCode);
            Assert.Contains("Bluetooth", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Message);
        }

        [Fact]
        public void PlatformCaveat_AuthenticatorPasskeyOnAnIphoneOfUnknownVersion_SaysCheckTheVersion()
        {
            var diagnosis = Run(new AttemptHints(AuthenticatorIos, "iOS", null, "Safari"));

            Assert.Equal("PlatformCaveat", diagnosis.ReasonCode);
            Assert.Equal("operating system version unknown", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["caveat"]);
        }

        [Fact]
        public void PlatformCaveat_AuthenticatorPasskeyOnIos17_IsReady()
        {
            Assert.Equal(Verdict.Ready, Run(new AttemptHints(AuthenticatorIos, "iOS", "17.4", "Safari")).Verdict);
        }

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

        private static PasskeyDiagnosis Run(AttemptHints hints) => Diagnose.Run(new TenantBuilder().Build(), new UserBuilder().Build(), hints);
    }
}
