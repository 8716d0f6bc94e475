using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1, MfaReliesOnLegacyPolicy (MfaReliesOnLegacyPolicyRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class MfaReliesOnLegacyPolicyRuleTests
    {
        [Theory]
        [InlineData(PolicyMigrationState.PreMigration, "preMigration")]
        [InlineData(PolicyMigrationState.MigrationInProgress, "migrationInProgress")]
        public void MfaReliesOnLegacyPolicy_OnlyMethodDisallowedBeforeMigrationCompletes_Warns(PolicyMigrationState state, string wire)
        {
            var tenant = new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.Sms)).MigrationState(state);

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("MfaReliesOnLegacyPolicy", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy];
            Assert.Equal(wire, finding.Evidence["policyMigrationState"]);
            Assert.Equal("phone (mobile)", finding.Evidence["legacyOnlyMethods"]);
            Assert.Equal("Sms/Voice", finding.Evidence["disallowedBy"]);
            Assert.DoesNotContain("New-PasskeyBootstrapTap", finding.Remediation);
            Assert.StartsWith("no: Adele Vance is not in the Temporary Access Pass policy's include targets", finding.Evidence["tapWouldHelp"]);
        }

        [Fact]
        public void MfaReliesOnLegacyPolicy_UserInTapPolicy_OffersAPass()
        {
            var tenant = new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.Sms)).MigrationState(PolicyMigrationState.PreMigration);
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password, UserBuilder.MobilePhone);

            var finding = Diagnose.Run(tenant, user).Findings[PasskeyLayer.AuthenticationMethodsPolicy];

            Assert.Equal("MfaReliesOnLegacyPolicy", finding.ReasonCode);
            Assert.EndsWith("; or issue a Temporary Access Pass with New-PasskeyBootstrapTap.", finding.Remediation);
            Assert.Equal("yes", finding.Evidence["tapWouldHelp"]);
        }

        [Fact]
        public void MfaReliesOnLegacyPolicy_AnotherMethodIsAllowed_OnlyRecordsTheState()
        {
            var tenant = new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.Sms)).MigrationState(PolicyMigrationState.PreMigration);
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone, new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1"));

            var diagnosis = Diagnose.Run(tenant, user);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("preMigration", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["policyMigrationState"]);
        }

        [Fact]
        public void MfaReliesOnLegacyPolicy_MigrationComplete_TheMethodSimplyDoesNotCount()
        {
            var tenant = new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.Sms));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone));

            Assert.Equal("NoMfaCapableMethod", diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Status);
            Assert.False(diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence.ContainsKey("policyMigrationState"));
        }
    }
}
