using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.PasskeyProfileRulesTests;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 7: the provider the platform offered, and the boundary with layer 2.</summary>
    public sealed class PasskeyProviderRulesTests
    {
        [Theory]
        [InlineData("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "iCloud Keychain (Apple Passwords)")]
        [InlineData("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", "Google Password Manager")]
        [InlineData("bada5566-a7aa-401f-bd96-45619a55120d", "1Password")]
        public void WrongPasskeyProvider_SyncedProviderWhereTheProfileWantsAuthenticator_BlocksAtLayer7(string aaguid, string provider)
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), new System.Guid(aaguid));

            AssertBlocked(diagnosis, 7, "WrongPasskeyProvider");
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.PasskeyProvider];
            Assert.StartsWith($"The platform offered {provider} instead of Microsoft Authenticator: choose Authenticator as the passkey provider.", finding.Message);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Contains("see layer 7", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void WrongPasskeyProvider_OnAnIphone_NamesTheIosAuthenticator()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), Aaguids.ICloudKeychain, "iOS");

            Assert.Equal("Microsoft Authenticator for iOS", diagnosis.Findings[PasskeyLayer.PasskeyProvider].Evidence["acceptedInstead"]);
        }

        [Fact]
        public void WrongPasskeyProvider_AttestationRejectsTheSyncedProviderButAuthenticatorInTheAppIsAttested_IsLayer7()
        {
            var attested = Profiles.Make(Profiles.DefaultId, "Attested", attestation: AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(attested), new UserBuilder(), Aaguids.GooglePasswordManager, "Android");

            AssertBlocked(diagnosis, 7, "WrongPasskeyProvider");
        }

        [Fact]
        public void WrongPasskeyProvider_SyncedProviderTheProfileAccepts_IsReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder(), Aaguids.ICloudKeychain);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("iCloud Keychain (Apple Passwords) is a synced passkey provider the user's profiles accept.", diagnosis.Findings[PasskeyLayer.PasskeyProvider].Message);
        }

        [Fact]
        public void WrongPasskeyProvider_SecurityKeyOffTheAllowList_IsNotAProviderProblem()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), Aaguids.FeitianEpass);

            Assert.Equal(2, diagnosis.BlockingLayer);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProvider].Status);
        }

        [Fact]
        public void WindowsHelloForBusinessExists_WindowsPasskeyForAUserWithWhfb_Warns()
        {
            var windows = Profiles.Make(Profiles.DefaultId, "Windows", restrictions: KeyRestrictions.Allow(Aaguids.WindowsHelloTpm, Aaguids.WindowsHelloVbs, Aaguids.WindowsHelloSoftware));
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.40"), UserBuilder.WindowsHelloForBusiness);

            var diagnosis = Diagnose.Run(Profiles.Tenant(windows), user, Aaguids.WindowsHelloTpm, "Windows");

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("WindowsHelloForBusinessExists", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            Assert.Equal("ADELE-LAPTOP", diagnosis.Findings[PasskeyLayer.PasskeyProvider].Evidence["windowsHelloForBusiness"]);
        }

        [Fact]
        public void WindowsHelloForBusinessExists_NoWhfbCredential_IsReady()
        {
            var windows = Profiles.Make(Profiles.DefaultId, "Windows", restrictions: KeyRestrictions.Allow(Aaguids.WindowsHelloTpm));

            var diagnosis = Diagnose.Run(Profiles.Tenant(windows), new UserBuilder(), Aaguids.WindowsHelloTpm);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void WindowsHelloForBusinessExists_WhfbUserRegisteringASecurityKey_IsReady()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.40"), UserBuilder.WindowsHelloForBusiness);

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void WithoutAHint_TheProviderIsNotCheckedAndSaysWhatToPass()
        {
            var finding = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder()).Findings[PasskeyLayer.PasskeyProvider];

            Assert.Equal(FindingStatus.NotChecked, finding.Status);
            Assert.Equal("Not checked: pass -Aaguid to check the passkey provider the platform offered.", finding.Message);
        }
    }
}
