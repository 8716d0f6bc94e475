using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 5, RegistrationPathUnsupported (RegistrationPathUnsupportedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class RegistrationPathUnsupportedRuleTests
    {
        [Fact]
        public void RegistrationPathUnsupported_AuthenticatorPasskeyFromFirefoxOnLinux_Blocks()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(Aaguids.AuthenticatorAndroid, "Linux", null, "Firefox"));

            Assert.Equal("RegistrationPathUnsupported", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.PlatformBrowser];
            Assert.Contains("Firefox on Linux cannot register a passkey in Microsoft Authenticator", finding.Message);
            Assert.Equal("Register from Chrome or Edge on Linux, or add the passkey in the Microsoft Authenticator app on the phone itself.", finding.Remediation);
        }

        [Fact]
        public void RegistrationPathUnsupported_AuthenticatorPasskeyFromChromeOnLinux_WorksCrossDevice()
        {
            var diagnosis = Diagnose.Run(new AttemptHints(Aaguids.AuthenticatorAndroid, "Linux", null, "Chrome"));

            Assert.Equal("PlatformCaveat", diagnosis.ReasonCode);
        }

        [Fact]
        public void RegistrationPathUnsupported_SecurityKeyFromTheCatalogInSafariOnMac_Blocks()
        {
            // The catalog knows the AAGUID is a hardware key, so the attempt took the security-key path.
            var diagnosis = Diagnose.Run(new AttemptHints(Aaguids.YubiKey5Nfc, "macOS", "14.2", "Safari"));

            Assert.Equal("RegistrationPathUnsupported", diagnosis.ReasonCode);
            Assert.Equal("a security key (from -Aaguid)", diagnosis.Findings[PasskeyLayer.PlatformBrowser].Evidence["path"]);
        }

        [Fact]
        public void RegistrationPathUnsupported_SecurityKeyInSafariOnMac_NamesTheBrowsersThatRegisterKeysNotAuthenticator()
        {
            var finding = Diagnose.Run(new AttemptHints(Aaguids.YubiKey5Nfc, "macOS", "14.2", "Safari")).Findings[PasskeyLayer.PlatformBrowser];

            Assert.Equal("RegistrationPathUnsupported", finding.ReasonCode);
            Assert.StartsWith("Safari on macOS 14.2 cannot register a security key: A new security key cannot be registered in Safari on macOS", finding.Message);
            Assert.Equal("Register the security key in Edge or Chrome on macOS, or on another computer.", finding.Remediation);
            Assert.DoesNotContain("Authenticator", finding.Remediation);
        }

        [Fact]
        public void RegistrationPathUnsupported_SecurityKeyOnIos_NoBrowserThere_NamesThePlatformsThatRegisterKeys()
        {
            var finding = Diagnose.Run(new AttemptHints(Aaguids.YubiKey5Nfc, "iOS", "17.4", "Safari")).Findings[PasskeyLayer.PlatformBrowser];

            Assert.Equal("RegistrationPathUnsupported", finding.ReasonCode);
            Assert.Equal("Register the security key on another computer (Windows, macOS or Linux) in a browser that can register security keys there.", finding.Remediation);
        }
    }
}
