using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2: each reason code, the case that nearly produces it but must not, and union-of-profiles semantics.</summary>
    public sealed class PasskeyProfileRulesTests
    {
        private static readonly UserBuilder User = new UserBuilder();

        [Fact]
        public void NoAcceptableAuthenticator_SyncedOnlyWithAttestation_BlocksWithoutAHint()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Synced attested", PasskeyTypes.Synced, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User);

            AssertBlocked(diagnosis, 2, "NoAcceptableAuthenticator");
            Assert.Contains("synced passkeys only, attestation required", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void NoAcceptableAuthenticator_EmptyAllowList_BlocksEvenWithAHint()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Empty allow list", restrictions: KeyRestrictions.Allow());

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.YubiKey5Nfc);

            AssertBlocked(diagnosis, 2, "NoAcceptableAuthenticator");
        }

        [Fact]
        public void NoAcceptableAuthenticator_SyncedOnlyWithoutAttestation_Passes()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Synced only", PasskeyTypes.Synced);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User);

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Contains("iCloud Keychain", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void NoAcceptableAuthenticator_AllowListOfAnUnknownAaguid_IsNotAFailureBecauseItMightQualify()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Unknown key", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly, KeyRestrictions.Allow(Aaguids.Unknown));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User);

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Contains("+1 allow-listed AAGUID not in the catalog", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void NoAcceptableAuthenticator_ASettingThisVersionCannotRead_IsNotCalledImpossible()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Future", PasskeyTypes.DeviceBound, AttestationEnforcement.Unrecognised);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User);

            Assert.NotEqual("NoAcceptableAuthenticator", diagnosis.ReasonCode);
            Assert.Contains("an attestation setting this version cannot read", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void PasskeyProfileUnresolved_TargetNamesAMissingProfile_IsUnknown()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.OtherId) }, Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Open());

            var diagnosis = Diagnose.Run(tenant, User);

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("PasskeyProfileUnresolved", diagnosis.ReasonCode);
            Assert.Equal(Profiles.OtherId, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["missingProfiles"]);
        }

        [Fact]
        public void PasskeyProfileUnresolved_UnionRejectsButAMissingProfileMightAccept_IsUnknownNotBlocked()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId, Profiles.OtherId) }, Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Privileged());

            var diagnosis = Diagnose.Run(tenant, User, Aaguids.FeitianEpass);

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("PasskeyProfileUnresolved", diagnosis.ReasonCode);
        }

        [Fact]
        public void PasskeyProfileUnresolved_AMissingProfileBesideOneThatAccepts_IsReady()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId, Profiles.OtherId) }, Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Privileged());

            var diagnosis = Diagnose.Run(tenant, User, Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void PasskeyProfileUnresolved_AnUnreadableAttestationSettingThatDecides_IsUnknown()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Future", attestation: AttestationEnforcement.Unrecognised);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.ICloudKeychain);

            Assert.Equal("PasskeyProfileUnresolved", diagnosis.ReasonCode);
            Assert.Contains("cannot read", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void PasskeyProfileUnresolved_AnUnreadableSettingBesideAProfileThatAccepts_IsReady()
        {
            var future = Profiles.Make(Profiles.OtherId, "Future", attestation: AttestationEnforcement.Unrecognised);

            var diagnosis = Diagnose.Run(Profiles.Tenant(future, Profiles.Open()), User, Aaguids.ICloudKeychain);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void WindowsHelloNotAllowed_ProfileWithoutKeyRestrictions_Blocks()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), User, Aaguids.WindowsHelloTpm);

            AssertBlocked(diagnosis, 2, "WindowsHelloNotAllowed");
            Assert.Equal("Default passkey profile", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["rejectedBy"]);
        }

        [Fact]
        public void WindowsHelloNotAllowed_LegacyTenantWithoutAllowList_Blocks()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), User, Aaguids.WindowsHelloVbs);

            AssertBlocked(diagnosis, 2, "WindowsHelloNotAllowed");
            Assert.Contains("tenant-wide", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void WindowsHelloNotAllowed_ExplicitlyAllowedWithAttestationOff_IsReady()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Windows", restrictions: KeyRestrictions.Allow(Aaguids.WindowsHelloTpm, Aaguids.WindowsHelloVbs, Aaguids.WindowsHelloSoftware));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.WindowsHelloTpm);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AaguidBlocked_OnTheBlockList_Blocks()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "No Feitian", restrictions: KeyRestrictions.Block(Aaguids.FeitianEpass));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.FeitianEpass);

            AssertBlocked(diagnosis, 2, "AaguidBlocked");
            Assert.Contains("block list of passkey profile 'No Feitian'", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
            Assert.Equal("Feitian ePass FIDO2 Authenticator", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["authenticator"]);
        }

        [Fact]
        public void AaguidBlocked_AnotherModelUnderTheSameBlockList_IsReady()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "No Feitian", restrictions: KeyRestrictions.Block(Aaguids.FeitianEpass));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AaguidNotAllowed_ModelMissingFromTheAllowList_BlocksAndNamesWhatIsAllowed()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), User, Aaguids.FeitianEpass);

            AssertBlocked(diagnosis, 2, "AaguidNotAllowed");
            var finding = diagnosis.Findings[PasskeyLayer.PasskeyProfile];
            Assert.Contains("not on the allow list of passkey profile 'Privileged passkeys'", finding.Message);
            Assert.Contains("YubiKey 5 Series with NFC", finding.Remediation);
            Assert.Equal(Aaguids.FeitianEpass.ToString(), finding.Evidence["aaguid"]);
            Assert.Equal("'Privileged passkeys'", finding.Evidence["passkeyProfiles"]);
        }

        [Fact]
        public void AaguidNotAllowed_AnotherAaguidOfTheSameModel_IsStillNotAllowed()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), User, Aaguids.YubiKey5NfcOlder);

            AssertBlocked(diagnosis, 2, "AaguidNotAllowed");
            Assert.Contains("several AAGUIDs", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Remediation);
        }

        [Fact]
        public void AaguidNotAllowed_AnAaguidTheCatalogDoesNotKnow_IsDecidedByTheList()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), User, Aaguids.Unknown);

            AssertBlocked(diagnosis, 2, "AaguidNotAllowed");
            Assert.Equal("not in the catalog", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["authenticator"]);
        }

        [Fact]
        public void AaguidNotAllowed_AllowedModel_IsReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), User, Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("YubiKey 5 Series with NFC is accepted by passkey profile 'Privileged passkeys'.", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void PasskeyTypeNotAllowed_SecurityKeyUnderASyncedOnlyProfile_Blocks()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Synced only", PasskeyTypes.Synced);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.YubiKey5Nfc);

            AssertBlocked(diagnosis, 2, "PasskeyTypeNotAllowed");
            Assert.Contains("admits synced passkeys only", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void PasskeyTypeNotAllowed_SyncedProviderWhenAuthenticatorIsBlockedToo_StaysWithTheIdentityTeam()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Keys only", PasskeyTypes.DeviceBound,
                restrictions: KeyRestrictions.Block(Aaguids.AuthenticatorIos, Aaguids.AuthenticatorAndroid));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.ICloudKeychain);

            AssertBlocked(diagnosis, 2, "PasskeyTypeNotAllowed");
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProvider].Status);
        }

        [Fact]
        public void PasskeyTypeNotAllowed_SyncedProviderWhenAuthenticatorIsAccepted_IsLayer7NotLayer2()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Device-bound", PasskeyTypes.DeviceBound);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.ICloudKeychain);

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Equal(7, diagnosis.BlockingLayer);
            Assert.Equal("WrongPasskeyProvider", diagnosis.ReasonCode);
        }

        [Fact]
        public void AttestationRequired_PlatformPasskeyThatIsNeverAttested_Blocks()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.ChromeOnMac);

            AssertBlocked(diagnosis, 2, "AttestationRequired");
        }

        [Fact]
        public void AttestationRequired_AuthenticatorCreatedCrossDeviceFromAComputer_Blocks()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.AuthenticatorIos, "Windows");

            AssertBlocked(diagnosis, 2, "AttestationRequired");
            Assert.Contains("cross-device", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
            Assert.Contains("directly in the Microsoft Authenticator for iOS app", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Remediation);
        }

        [Fact]
        public void AttestationRequired_AuthenticatorCreatedOnThePhone_IsReady()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AttestationRequired_AuthenticatorWithoutAPlatformHint_PassesLayer2AndSaysToAddItInTheApp()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.AuthenticatorAndroid);

            // The user's latest sign-in is from a PC, so layer 5 adds that registering from there is cross-device.
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Contains("must be added in the app on the phone", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("PlatformCaveat", diagnosis.ReasonCode);
        }

        [Fact]
        public void AttestationRequired_SecurityKeyModelThatCannotBeAttested_IsLayer6NotLayer2()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), User, Aaguids.LedgerNanoX);

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Equal("AuthenticatorNotAttestable", diagnosis.ReasonCode);
        }

        [Fact]
        public void LegacyKeyRestrictionRejects_NotOptedInAndOffTheTenantWideAllowList_Blocks()
        {
            var tenant = new TenantBuilder().Legacy(false, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = Diagnose.Run(tenant, User, Aaguids.FeitianEpass);

            AssertBlocked(diagnosis, 2, "LegacyKeyRestrictionRejects");
            Assert.Equal("tenant-wide settings (legacy)", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["rejectedBy"]);
        }

        [Fact]
        public void LegacyKeyRestrictionRejects_TheSameFieldsAfterOptIn_AreIgnored()
        {
            var tenant = Profiles.Tenant(Profiles.Open()).Legacy(true, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = Diagnose.Run(tenant, User, Aaguids.FeitianEpass);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void LegacyAttestationEnforced_NotOptedInAndANeverAttestedPasskey_Blocks()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().Legacy(true, KeyRestrictions.None), User, Aaguids.ChromeOnMac);

            AssertBlocked(diagnosis, 2, "LegacyAttestationEnforced");
        }

        [Fact]
        public void LegacyAttestationEnforced_AttestationOff_IsReady()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().Legacy(false, KeyRestrictions.None), User, Aaguids.ChromeOnMac);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void Union_AnyOneProfileThatAcceptsIsEnough()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(
                    new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId), PolicyTarget.Group(TenantBuilder.Engineering, Profiles.DefaultId) },
                    Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Open(), Profiles.Privileged());
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering);

            var diagnosis = Diagnose.Run(tenant, user, Aaguids.FeitianEpass);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("accepted by passkey profile 'Default passkey profile'", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void Union_EveryProfileRejecting_BlocksAndListsEachProfilesReason()
        {
            var blocking = Profiles.Make(Profiles.OtherId, "No Feitian", restrictions: KeyRestrictions.Block(Aaguids.FeitianEpass));
            var tenant = new TenantBuilder()
                .Fido2Targets(
                    new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId), PolicyTarget.Group(TenantBuilder.Engineering, Profiles.OtherId) },
                    Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Open(), Profiles.Privileged(), blocking);
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering);

            var diagnosis = Diagnose.Run(tenant, user, Aaguids.FeitianEpass);

            AssertBlocked(diagnosis, 2, "AaguidBlocked");
            var message = diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message;
            Assert.Contains("allow list of passkey profile 'Privileged passkeys'", message);
            Assert.Contains("block list of passkey profile 'No Feitian'", message);
            Assert.Equal("'Privileged passkeys', 'No Feitian'", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["passkeyProfiles"]);
        }

        [Fact]
        public void Union_ProfilesOfTargetsTheUserIsNotInDoNotCount()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(
                    new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers, Profiles.PrivilegedId), PolicyTarget.Group(TenantBuilder.Engineering, Profiles.DefaultId) },
                    Array.Empty<PolicyTarget>())
                .Profiles(Profiles.Open(), Profiles.Privileged());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().InGroups(TenantBuilder.PasskeyUsers), Aaguids.FeitianEpass);

            AssertBlocked(diagnosis, 2, "AaguidNotAllowed");
        }

        [Fact]
        public void TargetWithoutProfiles_GetsTheDefaultProfile()
        {
            var restrictive = Profiles.Make(Profiles.DefaultId, "Default passkey profile", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers) }, Array.Empty<PolicyTarget>())
                .Profiles(restrictive, Profiles.Privileged())
                .DefaultProfile(Profiles.DefaultId);

            var diagnosis = Diagnose.Run(tenant, User, Aaguids.FeitianEpass);

            AssertBlocked(diagnosis, 2, "AaguidNotAllowed");
            Assert.Contains("(default: the target names none)", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["profileSources"]);
        }

        [Fact]
        public void WithoutAHint_LayerTwoSaysWhatTheProfilesAcceptByName()
        {
            var finding = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), User).Findings[PasskeyLayer.PasskeyProfile];

            Assert.Equal(FindingStatus.Pass, finding.Status);
            Assert.Null(finding.ReasonCode);
            Assert.Equal(
                "Passkey profile 'Privileged passkeys' (device-bound passkeys only, attestation required, allow list of 3 AAGUIDs) accepts Microsoft Authenticator for Android, Microsoft Authenticator for iOS, YubiKey 5 Series with NFC; not synced passkeys, not Windows Hello passkeys.",
                finding.Message);
            Assert.Equal("Microsoft Authenticator for Android, Microsoft Authenticator for iOS, YubiKey 5 Series with NFC", finding.Evidence["acceptedAuthenticators"]);
        }

        [Fact]
        public void WhenPasskeysDoNotApplyToTheUser_NoProfileIsEvaluated()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder().InGroups(TenantBuilder.Engineering), Aaguids.FeitianEpass);

            Assert.Equal("UserNotTargeted", diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.NotChecked, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Contains("see layer 1", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        internal static void AssertBlocked(PasskeyDiagnosis diagnosis, int layer, string reason)
        {
            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(layer, diagnosis.BlockingLayer);
            Assert.Equal(reason, diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.Fail, diagnosis.Findings[layer - 1].Status);
            Assert.Equal(LayerCatalog.OwnerOf((PasskeyLayer)layer), diagnosis.Owner);
        }
    }
}
