using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 7, WrongPasskeyProvider (WrongPasskeyProviderRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class WrongPasskeyProviderRuleTests
    {
        [Theory]
        [InlineData("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "iCloud Keychain (Apple Passwords)")]
        [InlineData("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", "Google Password Manager")]
        [InlineData("bada5566-a7aa-401f-bd96-45619a55120d", "1Password")]
        public void WrongPasskeyProvider_SyncedProviderWhereTheProfileWantsAuthenticator_BlocksAtLayer7(string aaguid, string provider)
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), new System.Guid(aaguid));

            RuleAssert.Blocked(diagnosis, 7, "WrongPasskeyProvider");
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
            var attested = Profiles.Make(Profiles.DefaultId, "Profiles.Attested", attestation: AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(attested), new UserBuilder(), Aaguids.GooglePasswordManager, "Android");

            RuleAssert.Blocked(diagnosis, 7, "WrongPasskeyProvider");
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
    }
}
