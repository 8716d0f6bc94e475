using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1 causes added in issue 3: deleted include targets, security defaults, legacy migration state.</summary>
    public sealed class AuthenticationMethodsPolicyAdditionsTests
    {
        private const string DeletedGroup = "dddddddd-0000-0000-0000-00000000dead";

        [Fact]
        public void IncludeTargetDeleted_OnlyLiveTargetMissesTheUser_NamesTheDanglingId()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(DeletedGroup), PolicyTarget.Group(TenantBuilder.Engineering) }, new PolicyTarget[0])
                .WithGroup(new GroupInfo(DeletedGroup, null, Exists: false));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().InGroups(TenantBuilder.PasskeyUsers));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal("IncludeTargetDeleted", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy];
            Assert.Equal(DeletedGroup, finding.Evidence["deletedIncludeTargetIds"]);
            Assert.Equal("group 'Engineering'", finding.Evidence["liveIncludeTargets"]);
            Assert.Contains(DeletedGroup, finding.Message);
        }

        [Fact]
        public void IncludeTargetDeleted_UserTargetedThroughAnotherTarget_IsNotThisUsersProblem()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(DeletedGroup), PolicyTarget.Group(TenantBuilder.PasskeyUsers) }, new PolicyTarget[0])
                .WithGroup(new GroupInfo(DeletedGroup, null, Exists: false));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void IncludeTargetDeleted_NoDeletedTarget_StaysUserNotTargeted()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.Engineering));

            Assert.Equal("UserNotTargeted", diagnosis.ReasonCode);
        }

        [Fact]
        public void IncludeTargetDeleted_UserAlsoExcluded_ExclusionIsTheReason()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(DeletedGroup) }, new[] { PolicyTarget.Group(TenantBuilder.PasskeyExclusions) })
                .WithGroup(new GroupInfo(DeletedGroup, null, Exists: false));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().InGroups(TenantBuilder.PasskeyExclusions));

            Assert.Equal("UserExcluded", diagnosis.ReasonCode);
        }

        [Fact]
        public void SecurityDefaultsEnabled_UserWithPhoneOnly_WarnsAtLayer1()
        {
            var tenant = new TenantBuilder().SecurityDefaults(SecurityDefaults.On);

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal("SecurityDefaultsEnabled", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal(FindingStatus.Warn, diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Status);
            Assert.Equal("on", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaults"]);
        }

        [Fact]
        public void SecurityDefaultsEnabled_TapUsableOrNot_OffersAPassOnlyWhenItWouldWork()
        {
            var tenant = new TenantBuilder().SecurityDefaults(SecurityDefaults.On);
            var outside = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone);
            var inside = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password, UserBuilder.MobilePhone);

            var withoutPass = Diagnose.Run(tenant, outside).Findings[PasskeyLayer.AuthenticationMethodsPolicy].Remediation;
            var withPass = Diagnose.Run(tenant, inside).Findings[PasskeyLayer.AuthenticationMethodsPolicy].Remediation;

            Assert.Contains("(a Temporary Access Pass would not work: Adele Vance is not in the Temporary Access Pass policy's include targets", withoutPass);
            Assert.DoesNotContain("New-PasskeyBootstrapTap", withoutPass);
            Assert.Contains("; or issue a Temporary Access Pass with New-PasskeyBootstrapTap.", withPass);
        }

        [Fact]
        public void SecurityDefaultsEnabled_UserWithAuthenticator_IsUnaffected()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().SecurityDefaults(SecurityDefaults.On), new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("on", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaults"]);
            Assert.Equal("Microsoft Authenticator (Adele's iPhone)", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaultsSatisfiedBy"]);
        }

        [Fact]
        public void SecurityDefaultsEnabled_Off_SaysOffAndNothingElse()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("off", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaults"]);
        }

        [Fact]
        public void SecurityDefaultsEnabled_Unreadable_IsEvidenceNotAVerdict()
        {
            var tenant = new TenantBuilder().SecurityDefaults(SecurityDefaults.Unknown(new EvidenceGap("Permission denied to read the security defaults policy.", "Policy.Read.All")));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.StartsWith("unknown: Permission denied", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaults"]);
        }

        [Fact]
        public void SecurityDefaultsEnabled_RegistrationPolicyIsNotInEffect()
        {
            var tenant = new TenantBuilder()
                .SecurityDefaults(SecurityDefaults.On)
                .RegistrationPolicies(new RegistrationPolicyBuilder("Block registration").Grant("block").Build());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("not in effect: security defaults are on", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditionalAccess"]);
        }

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
