using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.PasskeyProfileRulesTests;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 6: the authenticator model against what the profiles need, from the catalog and the -Aaguid hint.</summary>
    public sealed class HardwareRulesTests
    {
        private static readonly PasskeyProfile Attested =
            Profiles.Make(Profiles.DefaultId, "Attested keys", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

        [Fact]
        public void AuthenticatorNotAttestable_KeyModelEntraCannotAttest_BlocksAtLayer6ForTheEndpointTeam()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Attested), new UserBuilder(), Aaguids.LedgerNanoX);

            AssertBlocked(diagnosis, 6, "AuthenticatorNotAttestable");
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.Hardware];
            Assert.Contains("Ledger Nano X FIDO2 Authenticator is not a model Entra accepts an attestation from", finding.Message);
            Assert.Equal("none known", finding.Evidence["certification"]);
            Assert.Contains("AttestationCapable", finding.Remediation);
        }

        [Fact]
        public void AuthenticatorNotAttestable_CertifiedKey_IsReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Attested), new UserBuilder(), Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("YubiKey 5 Series with NFC (Yubico): security key, device-bound, attestation Entra accepts, FIDO_CERTIFIED.", diagnosis.Findings[PasskeyLayer.Hardware].Message);
        }

        [Fact]
        public void AuthenticatorNotAttestable_SameKeyOffAnAllowList_IsThePolicysRejection()
        {
            var listed = Profiles.Make(Profiles.DefaultId, "Listed keys", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = Diagnose.Run(Profiles.Tenant(listed), new UserBuilder(), Aaguids.LedgerNanoX);

            AssertBlocked(diagnosis, 2, "AaguidNotAllowed");
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.Hardware].Status);
        }

        [Fact]
        public void AuthenticatorNotAttestable_AttestationOff_IsReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder(), Aaguids.LedgerNanoX);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AuthenticatorNotInCatalog_UnknownModelUnderAttestation_IsUnknownNotReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Attested), new UserBuilder(), Aaguids.Unknown);

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("AuthenticatorNotInCatalog", diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.Unknown, diagnosis.Findings[PasskeyLayer.Hardware].Status);
            Assert.Contains($"AAGUID {Aaguids.Unknown} is not in the authenticator catalog", diagnosis.Findings[PasskeyLayer.Hardware].Message);
            Assert.Contains("requires attestation", diagnosis.Findings[PasskeyLayer.Hardware].Message);
        }

        [Fact]
        public void AuthenticatorNotInCatalog_TheAllZeroAaguid_SaysItNamesNoModel()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Attested), new UserBuilder(), Guid.Empty);

            Assert.Equal("AuthenticatorNotInCatalog", diagnosis.ReasonCode);
            Assert.Contains("all-zero AAGUID identifies no model", diagnosis.Findings[PasskeyLayer.Hardware].Message);
        }

        [Fact]
        public void AuthenticatorNotInCatalog_UnknownModelWhenNothingDependsOnIt_IsReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder(), Aaguids.Unknown);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("not in the authenticator catalog; nothing the user's passkey profiles require depends on the model", diagnosis.Findings[PasskeyLayer.Hardware].Message);
        }

        [Fact]
        public void AuthenticatorAppVersionTooOld_OldIosAppUnderAMixedProfile_Warns()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.20", "iPhone 15"));

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AuthenticatorAppVersionTooOld", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            Assert.Equal("iPhone 15 6.8.20", diagnosis.Findings[PasskeyLayer.Hardware].Evidence["authenticatorApps"]);
            Assert.Equal("6.8.37", diagnosis.Findings[PasskeyLayer.Hardware].Evidence["minimumVersion"]);
        }

        [Fact]
        public void AuthenticatorAppVersionTooOld_OldAndroidApp_Warns()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.2401.0117", "Pixel 7"));

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.AuthenticatorAndroid, "Android", "14");

            Assert.Equal("AuthenticatorAppVersionTooOld", diagnosis.ReasonCode);
        }

        [Fact]
        public void AuthenticatorAppVersionTooOld_CurrentApp_IsReady()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.40"));

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AuthenticatorAppVersionTooOld_OldAppUnderADeviceBoundOnlyProfile_IsReady()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.20"));
            var deviceBound = Profiles.Make(Profiles.DefaultId, "Device-bound", PasskeyTypes.DeviceBound);

            var diagnosis = Diagnose.Run(Profiles.Tenant(deviceBound), user, Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AuthenticatorAppVersionTooOld_OnlyAnAppOfTheOtherPlatform_IsNotCompared()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.20"));

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.AuthenticatorAndroid, "Android", "14");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void WithoutAHint_HardwareIsNotCheckedAndSaysWhatToPass()
        {
            var finding = Diagnose.Run(Profiles.Tenant(Attested), new UserBuilder()).Findings[PasskeyLayer.Hardware];

            Assert.Equal(FindingStatus.NotChecked, finding.Status);
            Assert.Equal("Not checked: pass -Aaguid to check the authenticator model against the policy.", finding.Message);
        }
    }
}
