using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3: which registered methods can satisfy the MFA Security info asks for.</summary>
    public sealed class MfaBootstrapRulesTests
    {
        [Fact]
        public void NoMfaCapableMethod_PasswordAndEmailOnly_BlocksAtLayer3()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Email));

            AssertBlockedAtLayer3(diagnosis);
            Assert.Equal("password, email", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["registered"]);
            Assert.Contains("New-PasskeyBootstrapTap", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
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
