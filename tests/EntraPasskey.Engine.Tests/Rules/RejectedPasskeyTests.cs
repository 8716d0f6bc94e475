using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Layer 3: a registered passkey the user's passkey profiles no longer admit cannot sign in (key restrictions and
    /// passkey types apply at sign-in; attestation only at registration), so it is no MFA method and no backup.
    /// </summary>
    public sealed class RejectedPasskeyTests
    {
        private static readonly Guid YubiKey5 = new Guid("cb69481e-8ff7-4039-93ec-0a2729a154a8");

        [Fact]
        public void NoMfaCapableMethod_OnlyPasskeyOffTheAllowList_BlocksAndNamesIt()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc)));

            var diagnosis = Diagnose.Run(tenant, PasswordAnd(UserBuilder.Passkey()));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal("NoMfaCapableMethod", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal(
                "passkey (FIDO2) (YubiKey 5): YubiKey 5 Series (cb69481e-8ff7-4039-93ec-0a2729a154a8) is not on the allow list of passkey profile 'Approved keys'",
                finding.Evidence["passkeysRejectedByPolicy"]);
            Assert.Contains("Their passkey (FIDO2) (YubiKey 5) cannot sign in: their passkey profiles no longer admit it.", finding.Message);
            Assert.EndsWith("If the passkey profiles were not meant to shut out their passkey (FIDO2) (YubiKey 5), admit it again and it counts.", finding.Remediation);
            Assert.Contains("rejected at sign-in by the user's passkey profiles", finding.Evidence["notCounted"]);
        }

        [Fact]
        public void NoMfaCapableMethod_PasskeyOnTheAllowList_StillCounts()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(YubiKey5)));

            var diagnosis = Diagnose.Run(tenant, PasswordAnd(UserBuilder.Passkey()));

            Assert.NotEqual("NoMfaCapableMethod", diagnosis.ReasonCode);
            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
            Assert.False(diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence.ContainsKey("passkeysRejectedByPolicy"));
        }

        [Fact]
        public void NoMfaCapableMethod_PasskeyOnABlockList_DoesNotCount()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Blocked keys", restrictions: KeyRestrictions.Block(YubiKey5)));

            var finding = Diagnose.Run(tenant, PasswordAnd(UserBuilder.Passkey())).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("NoMfaCapableMethod", finding.ReasonCode);
            Assert.Contains("is on the block list of passkey profile 'Blocked keys'", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void NoMfaCapableMethod_SyncedPasskeyAfterSyncedWasTurnedOff_DoesNotCount()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Device-bound only", PasskeyTypes.DeviceBound));
            var synced = new RegisteredMethod(MethodKind.Fido2, "passkey-icloud") { DisplayName = "iPhone", Aaguid = Aaguids.ICloudKeychain, PasskeyType = "synced" };

            var finding = Diagnose.Run(tenant, PasswordAnd(synced)).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("NoMfaCapableMethod", finding.ReasonCode);
            Assert.Equal(
                "passkey (FIDO2) (iPhone): passkey profile 'Device-bound only' admits device-bound passkeys only, and this passkey is synced",
                finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void NoMfaCapableMethod_DeviceBoundPasskeyUnderASyncedOnlyProfile_DoesNotCount()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Synced only", PasskeyTypes.Synced));

            var finding = Diagnose.Run(tenant, PasswordAnd(UserBuilder.Passkey())).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("NoMfaCapableMethod", finding.ReasonCode);
            Assert.EndsWith("admits synced passkeys only, and this passkey is device-bound", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void NoMfaCapableMethod_GraphSaysSyncedForAModelTheCatalogLacks_GraphDecides()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Device-bound only", PasskeyTypes.DeviceBound));
            var synced = new RegisteredMethod(MethodKind.Fido2, "passkey-x") { Aaguid = Aaguids.Unknown, PasskeyType = "synced" };

            Assert.Equal("NoMfaCapableMethod", Diagnose.Run(tenant, PasswordAnd(synced)).ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_PasskeyTypeUnknownToGraphAndCatalog_IsNotClaimedRejected()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Device-bound only", PasskeyTypes.DeviceBound));
            var unknown = new RegisteredMethod(MethodKind.Fido2, "passkey-x") { Aaguid = Aaguids.Unknown };

            Assert.NotEqual("NoMfaCapableMethod", Diagnose.Run(tenant, PasswordAnd(unknown)).ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_UnattestedPasskeyAfterAttestationWasRequired_StillCounts()
        {
            // Attestation is enforced only at registration: passkeys registered before keep signing in (graph-facts §1.4).
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Attested", attestation: AttestationEnforcement.RegistrationOnly));
            var unattested = UserBuilder.Passkey() with { AttestationLevel = "notAttested" };

            var diagnosis = Diagnose.Run(tenant, PasswordAnd(unattested));

            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_OneProfileRejectsAnotherAdmits_StillCounts()
        {
            var strict = Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));
            var open = Profiles.Open(Profiles.OtherId, "Everything");

            var diagnosis = Diagnose.Run(Profiles.Tenant(strict, open), PasswordAnd(UserBuilder.Passkey()));

            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
        }

        [Fact]
        public void NoMfaCapableMethod_LegacyAllowListOmitsThePasskey_DoesNotCount()
        {
            var tenant = new TenantBuilder().Legacy(false, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var finding = Diagnose.Run(tenant, PasswordAnd(UserBuilder.Passkey())).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("NoMfaCapableMethod", finding.ReasonCode);
            Assert.Contains("is not on the allow list of the tenant-wide Passkey (FIDO2) settings", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void NoMfaCapableMethod_RejectedPasskeyBesideAuthenticator_PassesAndRecordsThePasskey()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc)));
            var user = PasswordAnd(UserBuilder.Passkey(), new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1"));

            var diagnosis = Diagnose.Run(tenant, user);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("Microsoft Authenticator", finding.Evidence["mfaMethods"]);
            Assert.StartsWith("passkey (FIDO2) (YubiKey 5): ", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void SinglePasskeyNoBackup_SecondPasskeyRejectedByTheProfiles_IsNoBackup()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(YubiKey5)));
            var rejected = new RegisteredMethod(MethodKind.Fido2, "passkey-2") { DisplayName = "Old key", Aaguid = Aaguids.FeitianEpass, PasskeyType = "deviceBound" };

            var diagnosis = Diagnose.Run(tenant, PasswordAnd(UserBuilder.Passkey(), rejected));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("passkey (FIDO2) (YubiKey 5)", finding.Evidence["passkey"]);
            Assert.StartsWith("passkey (FIDO2) (Old key): ", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void SinglePasskeyNoBackup_SecondPasskeyAdmitted_IsABackup()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(YubiKey5, Aaguids.FeitianEpass)));
            var second = new RegisteredMethod(MethodKind.Fido2, "passkey-2") { DisplayName = "Old key", Aaguid = Aaguids.FeitianEpass, PasskeyType = "deviceBound" };

            Assert.Equal(Verdict.Ready, Diagnose.Run(tenant, PasswordAnd(UserBuilder.Passkey(), second)).Verdict);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_PhishingResistantAndTheOnlyPasskeyRejected_StrengthIsUnmet()
        {
            var policy = new RegistrationPolicyBuilder("Phishing-resistant registration").Strength(RegistrationPolicyBuilder.PhishingResistant).Build();
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc))).RegistrationPolicies(policy);

            var finding = Diagnose.Run(tenant, PasswordAnd(UserBuilder.Passkey())).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("RegistrationAuthStrengthUnmet", finding.ReasonCode);
            Assert.Equal("password", finding.Evidence["userModes"]);
            Assert.StartsWith("passkey (FIDO2) (YubiKey 5): ", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_PhishingResistantAndThePasskeyAdmitted_StrengthIsMet()
        {
            var policy = new RegistrationPolicyBuilder("Phishing-resistant registration").Strength(RegistrationPolicyBuilder.PhishingResistant).Build();
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(YubiKey5))).RegistrationPolicies(policy);

            var diagnosis = Diagnose.Run(tenant, PasswordAnd(UserBuilder.Passkey()));

            // The passkey meets the strength; what is left is that it is the user's only MFA method.
            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
        }

        private static UserBuilder PasswordAnd(params RegisteredMethod[] methods)
        {
            var all = new RegisteredMethod[methods.Length + 1];
            all[0] = UserBuilder.Password;
            methods.CopyTo(all, 1);
            return new UserBuilder().WithMethods(all);
        }
    }
}
