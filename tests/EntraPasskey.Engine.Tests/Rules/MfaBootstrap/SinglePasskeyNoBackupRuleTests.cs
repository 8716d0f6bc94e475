using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, SinglePasskeyNoBackup (SinglePasskeyNoBackupRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class SinglePasskeyNoBackupRuleTests
    {
        [Fact]
        public void SinglePasskeyNoBackup_SecondPasskeyRejectedByTheProfiles_IsNoBackup()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5)));
            var rejected = new RegisteredMethod(MethodKind.Fido2, "passkey-2") { DisplayName = "Old key", Aaguid = Aaguids.FeitianEpass, PasskeyType = "deviceBound" };

            var diagnosis = Diagnose.Run(tenant, UserBuilder.PasswordAnd(UserBuilder.Passkey(), rejected));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("passkey (FIDO2) 'YubiKey 5'", finding.Evidence["passkey"]);
            Assert.StartsWith("passkey (FIDO2) 'Old key': ", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void SinglePasskeyNoBackup_SecondPasskeyAdmitted_IsABackup()
        {
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5, Aaguids.FeitianEpass)));
            var second = new RegisteredMethod(MethodKind.Fido2, "passkey-2") { DisplayName = "Old key", Aaguid = Aaguids.FeitianEpass, PasskeyType = "deviceBound" };

            Assert.Equal(Verdict.Ready, Diagnose.Run(tenant, UserBuilder.PasswordAnd(UserBuilder.Passkey(), second)).Verdict);
        }

        [Fact]
        public void SinglePasskeyNoBackup_OnePasskeyAndAPassword_Warns()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey()));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("passkey (FIDO2) 'YubiKey 5'", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["passkey"]);
            Assert.Equal("cb69481e-8ff7-4039-93ec-0a2729a154a8", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["aaguid"]);
            // Read aloud: the passkey by its name, with no parentheses inside parentheses.
            Assert.StartsWith("Adele Vance's only MFA method is one passkey, 'YubiKey 5'; if that device is lost", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Message);
        }

        [Fact]
        public void SinglePasskeyNoBackup_UserInTapPolicy_SaysAPassReplacesALostPasskey()
        {
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password, UserBuilder.Passkey());

            var finding = Diagnose.Run(new TenantBuilder(), user).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("SinglePasskeyNoBackup", finding.ReasonCode);
            Assert.StartsWith("Have the user add a second passkey, Microsoft Authenticator, a phone or an authenticator app code (software OATH) now", finding.Remediation);
            Assert.EndsWith("If the passkey is already lost, issue a Temporary Access Pass with New-PasskeyBootstrapTap.", finding.Remediation);
            Assert.Equal("yes", finding.Evidence["tapWouldHelp"]);
        }

        [Fact]
        public void SinglePasskeyNoBackup_UserOutsideTapTargets_SaysAPassWouldNotReplaceIt()
        {
            var finding = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey())).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("SinglePasskeyNoBackup", finding.ReasonCode);
            Assert.DoesNotContain("New-PasskeyBootstrapTap", finding.Remediation);
            Assert.EndsWith("A Temporary Access Pass could not replace it if lost: Adele Vance is not in the Temporary Access Pass policy's include targets (group 'TAP Onboarding'). So that one would, add Adele Vance to group 'TAP Onboarding', which the Temporary Access Pass policy includes.", finding.Remediation);
        }

        [Fact]
        public void SinglePasskeyNoBackup_SecondPasskey_IsABackup()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey(), UserBuilder.Passkey("passkey-2")));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void SinglePasskeyNoBackup_PasskeyAndAuthenticator_IsABackup()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey(), new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder(), user).Verdict);
        }
    }
}
