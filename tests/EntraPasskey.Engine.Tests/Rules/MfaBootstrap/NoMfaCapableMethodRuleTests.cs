using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, NoMfaCapableMethod (NoMfaCapableMethodRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class NoMfaCapableMethodRuleTests
    {
        [Fact]
        public void NoMfaCapableMethod_PasswordAndEmailOnly_BlocksAtLayer3()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Email));

            AssertBlockedAtLayer3(diagnosis);
            Assert.Equal("password, email", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["registered"]);
        }

        [Fact]
        public void NoMfaCapableMethod_UserInTapPolicy_RemediationIssuesAPass()
        {
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password, UserBuilder.Email);

            var diagnosis = Diagnose.Run(new TenantBuilder(), user);

            AssertBlockedAtLayer3(diagnosis);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.StartsWith("Issue a Temporary Access Pass with New-PasskeyBootstrapTap", finding.Remediation);
            Assert.Contains("Or have them register Microsoft Authenticator, a phone or an authenticator app code (software OATH)", finding.Remediation);
            Assert.Equal("yes", finding.Evidence["tapWouldHelp"]);
        }

        [Fact]
        public void NoMfaCapableMethod_UserOutsideTapTargets_SaysWhyAPassWouldNotWorkAndWhatToDoFirst()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Email));

            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.DoesNotContain("New-PasskeyBootstrapTap", finding.Remediation);
            Assert.StartsWith("A Temporary Access Pass would not work for Adele Vance yet: Adele Vance is not in the Temporary Access Pass policy's include targets (group 'TAP Onboarding')", finding.Remediation);
            Assert.Contains("Either add Adele Vance to group 'TAP Onboarding', which the Temporary Access Pass policy includes, then issue a pass", finding.Remediation);
            Assert.Contains("or have the user register Microsoft Authenticator, a phone or an authenticator app code (software OATH) in person with the help desk", finding.Remediation);
            Assert.Equal("no: Adele Vance is not in the Temporary Access Pass policy's include targets (group 'TAP Onboarding')", finding.Evidence["tapWouldHelp"]);
        }

        [Fact]
        public void NoMfaCapableMethod_TapMethodDisabled_SaysEnableItFirst()
        {
            var tenant = new TenantBuilder().Method(new TapPolicy(false, new[] { PolicyTarget.AllUsers() }, Array.Empty<PolicyTarget>(), 60, 60, 480, true, 8));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password));

            AssertBlockedAtLayer3(diagnosis);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.DoesNotContain("New-PasskeyBootstrapTap", finding.Remediation);
            Assert.Contains("yet: the Temporary Access Pass method is disabled. Either have an Authentication Policy Administrator enable the Temporary Access Pass method, then issue a pass", finding.Remediation);
            Assert.Equal("no: the Temporary Access Pass method is disabled", finding.Evidence["tapWouldHelp"]);
        }

        [Fact]
        public void NoMfaCapableMethod_ExcludedFromTapPolicy_NamesTheExcludingGroup()
        {
            var tenant = new TenantBuilder().Method(new TapPolicy(true, new[] { PolicyTarget.AllUsers() }, new[] { PolicyTarget.Group(TenantBuilder.Engineering) }, 60, 60, 480, true, 8));
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering).WithMethods(UserBuilder.Password);

            var diagnosis = Diagnose.Run(tenant, user);

            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.DoesNotContain("New-PasskeyBootstrapTap", finding.Remediation);
            Assert.Contains("Adele Vance is excluded from the Temporary Access Pass policy by group 'Engineering'", finding.Remediation);
            Assert.Contains("take Adele Vance out of group 'Engineering', which the Temporary Access Pass policy excludes", finding.Remediation);
        }

        [Fact]
        public void NoMfaCapableMethod_ExternalGuest_NoPassIsOffered()
        {
            var user = new UserBuilder().Guest("Guest", "Accepted").InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password);

            var diagnosis = Diagnose.Run(new TenantBuilder(), user);

            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("NoMfaCapableMethod", finding.ReasonCode);
            Assert.DoesNotContain("New-PasskeyBootstrapTap", finding.Remediation);
            Assert.StartsWith("A Temporary Access Pass is not an option: Adele Vance is an external guest, and a Temporary Access Pass cannot be added to an external guest user.", finding.Remediation);
            Assert.DoesNotContain("then issue a pass", finding.Remediation);
        }

        [Fact]
        public void NoMfaCapableMethod_SmsDisabled_RemediationDoesNotSuggestAPhone()
        {
            var tenant = new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.Sms));
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password);

            var finding = Diagnose.Run(tenant, user).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Contains("Or have them register Microsoft Authenticator or an authenticator app code (software OATH) in Security info", finding.Remediation);
            Assert.DoesNotContain("phone", finding.Remediation);
            Assert.Equal("Microsoft Authenticator, an authenticator app code (software OATH)", finding.Evidence["allowedMfaMethods"]);
        }

        [Fact]
        public void NoMfaCapableMethod_NoPassAndNoOtherMethodAllowed_SaysBothMustChange()
        {
            var tenant = new TenantBuilder()
                .Method(MethodPolicy.Disabled(MethodPolicyIds.MicrosoftAuthenticator))
                .Method(MethodPolicy.Disabled(MethodPolicyIds.Sms))
                .Method(MethodPolicy.Disabled(MethodPolicyIds.SoftwareOath));

            var finding = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password)).Findings[PasskeyLayer.MfaBootstrap];

            Assert.DoesNotContain("New-PasskeyBootstrapTap", finding.Remediation);
            Assert.Contains("and no other MFA-capable method they could set up (Microsoft Authenticator, a phone, an authenticator app) is enabled for them", finding.Remediation);
            Assert.EndsWith("Add Adele Vance to group 'TAP Onboarding', which the Temporary Access Pass policy includes, then issue a pass; or enable one of those methods for them.", finding.Remediation);
            Assert.Equal("none", finding.Evidence["allowedMfaMethods"]);
        }

        [Fact]
        public void NoMfaCapableMethod_NoMethodsAtAll_BlocksAtLayer3()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods());

            AssertBlockedAtLayer3(diagnosis);
            Assert.Equal("none", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["registered"]);
        }

        [Fact]
        public void NoMfaCapableMethod_SoftwareOathAdded_IsReady()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Email, UserBuilder.SoftwareOath));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("software OATH token", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["mfaMethods"]);
        }

        [Fact]
        public void NoMfaCapableMethod_UsableTap_CountsAsMfa()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Tap(true, "EnabledByPolicy")));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("Temporary Access Pass", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["mfaMethods"]);
        }

        [Fact]
        public void NoMfaCapableMethod_ExpiredTapBesideAuthenticator_IsListedAsNotCounted()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Tap(false, "Expired"), new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1")));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("Microsoft Authenticator", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["mfaMethods"]);
            Assert.Contains("not usable (Expired)", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["notCounted"]);
        }

        [Fact]
        public void NoMfaCapableMethod_SmsDisabledAfterMigration_PhoneDoesNotCount()
        {
            var tenant = new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.Sms));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone));

            AssertBlockedAtLayer3(diagnosis);
            Assert.Contains("Sms/Voice", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["notCounted"]);
        }

        [Fact]
        public void NoMfaCapableMethod_SmsDisabledBeforeMigration_LegacyPolicyMayAllowThePhone()
        {
            var tenant = new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.Sms)).MigrationState(PolicyMigrationState.PreMigration);

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone));

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Status);
            Assert.Equal("phone (mobile)", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["mfaMethods"]);
            Assert.Equal("MfaReliesOnLegacyPolicy", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_SmsEnabledButUserExcluded_PhoneDoesNotCount()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone).Build();
            var tenant = new TenantBuilder().Method(new MethodPolicy(MethodPolicyIds.Sms, true, new[] { PolicyTarget.AllUsers() }, new[] { PolicyTarget.User(user.Id) })).Build();

            var diagnosis = Diagnose.Run(tenant, user);

            AssertBlockedAtLayer3(diagnosis);
        }

        [Fact]
        public void NoMfaCapableMethod_Layer1AlsoFails_Layer1IsTheBlockingLayer()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups().WithMethods(UserBuilder.Password));

            Assert.Equal(1, diagnosis.BlockingLayer);
            Assert.Equal("UserNotTargeted", diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.Fail, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Status);
            Assert.Equal("NoMfaCapableMethod", diagnosis.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_OnlyPasskeyOffTheAllowList_BlocksAndNamesIt()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc)));

            var diagnosis = Diagnose.Run(tenant, UserBuilder.PasswordAnd(UserBuilder.Passkey()));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal("NoMfaCapableMethod", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal(
                "passkey (FIDO2) 'YubiKey 5': YubiKey 5 Series (cb69481e-8ff7-4039-93ec-0a2729a154a8) is not on the allow list of passkey profile 'Approved keys'",
                finding.Evidence["passkeysRejectedByPolicy"]);
            Assert.Contains("Their passkey (FIDO2) 'YubiKey 5' cannot sign in: their passkey profiles no longer admit it.", finding.Message);
            Assert.EndsWith("If the passkey profiles were not meant to shut out their passkey (FIDO2) 'YubiKey 5', admit it again and it counts.", finding.Remediation);
            Assert.Contains("rejected at sign-in by the user's passkey profiles", finding.Evidence["notCounted"]);
        }

        [Fact]
        public void NoMfaCapableMethod_PasskeyOnTheAllowList_StillCounts()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5)));

            var diagnosis = Diagnose.Run(tenant, UserBuilder.PasswordAnd(UserBuilder.Passkey()));

            Assert.NotEqual("NoMfaCapableMethod", diagnosis.ReasonCode);
            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
            Assert.False(diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence.ContainsKey("passkeysRejectedByPolicy"));
        }

        [Fact]
        public void NoMfaCapableMethod_PasskeyOnABlockList_DoesNotCount()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Blocked keys", restrictions: KeyRestrictions.Block(Aaguids.YubiKey5)));

            var finding = Diagnose.Run(tenant, UserBuilder.PasswordAnd(UserBuilder.Passkey())).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("NoMfaCapableMethod", finding.ReasonCode);
            Assert.Contains("is on the block list of passkey profile 'Blocked keys'", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void NoMfaCapableMethod_SyncedPasskeyAfterSyncedWasTurnedOff_DoesNotCount()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Device-bound only", PasskeyTypes.DeviceBound));
            var synced = new RegisteredMethod(MethodKind.Fido2, "passkey-icloud") { DisplayName = "iPhone", Aaguid = Aaguids.ICloudKeychain, PasskeyType = "synced" };

            var finding = Diagnose.Run(tenant, UserBuilder.PasswordAnd(synced)).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("NoMfaCapableMethod", finding.ReasonCode);
            Assert.Equal(
                "passkey (FIDO2) 'iPhone': passkey profile 'Device-bound only' admits device-bound passkeys only, and this passkey is synced",
                finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void NoMfaCapableMethod_DeviceBoundPasskeyUnderASyncedOnlyProfile_DoesNotCount()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Synced only", PasskeyTypes.Synced));

            var finding = Diagnose.Run(tenant, UserBuilder.PasswordAnd(UserBuilder.Passkey())).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("NoMfaCapableMethod", finding.ReasonCode);
            Assert.EndsWith("admits synced passkeys only, and this passkey is device-bound", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void NoMfaCapableMethod_GraphSaysSyncedForAModelTheCatalogLacks_GraphDecides()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Device-bound only", PasskeyTypes.DeviceBound));
            var synced = new RegisteredMethod(MethodKind.Fido2, "passkey-x") { Aaguid = Aaguids.Unknown, PasskeyType = "synced" };

            Assert.Equal("NoMfaCapableMethod", Diagnose.Run(tenant, UserBuilder.PasswordAnd(synced)).ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_PasskeyTypeUnknownToGraphAndCatalog_IsNotClaimedRejected()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Device-bound only", PasskeyTypes.DeviceBound));
            var unknown = new RegisteredMethod(MethodKind.Fido2, "passkey-x") { Aaguid = Aaguids.Unknown };

            Assert.NotEqual("NoMfaCapableMethod", Diagnose.Run(tenant, UserBuilder.PasswordAnd(unknown)).ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_UnattestedPasskeyAfterAttestationWasRequired_StillCounts()
        {
            // Attestation is enforced only at registration: passkeys registered before keep signing in (graph-facts §1.4).
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Profiles.Attested", attestation: AttestationEnforcement.RegistrationOnly));
            var unattested = UserBuilder.Passkey() with { AttestationLevel = "notAttested" };

            var diagnosis = Diagnose.Run(tenant, UserBuilder.PasswordAnd(unattested));

            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_OneProfileRejectsAnotherAdmits_StillCounts()
        {
            var strict = Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));
            var open = Profiles.Open(Profiles.OtherId, "Everything");

            var diagnosis = Diagnose.Run(Profiles.Tenant(strict, open), UserBuilder.PasswordAnd(UserBuilder.Passkey()));

            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_LegacyAllowListOmitsThePasskey_DoesNotCount()
        {
            var tenant = new TenantBuilder().Legacy(false, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var finding = Diagnose.Run(tenant, UserBuilder.PasswordAnd(UserBuilder.Passkey())).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("NoMfaCapableMethod", finding.ReasonCode);
            Assert.Contains("is not on the allow list of the tenant-wide Passkey (FIDO2) settings", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void NoMfaCapableMethod_RejectedPasskeyBesideAuthenticator_PassesAndRecordsThePasskey()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc)));
            var user = UserBuilder.PasswordAnd(UserBuilder.Passkey(), new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1"));

            var diagnosis = Diagnose.Run(tenant, user);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("Microsoft Authenticator", finding.Evidence["mfaMethods"]);
            Assert.StartsWith("passkey (FIDO2) 'YubiKey 5': ", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        private static void AssertBlockedAtLayer3(PasskeyDiagnosis diagnosis)
        {
            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("NoMfaCapableMethod", diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Status);
        }
    }
}
