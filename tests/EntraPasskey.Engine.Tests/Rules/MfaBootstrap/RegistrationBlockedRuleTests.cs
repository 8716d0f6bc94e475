using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.ConditionalAccessCases;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, RegistrationBlockedByConditionalAccess (RegistrationBlockedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class RegistrationBlockedRuleTests
    {
        [Fact]
        public void RegistrationBlocked_BlockForAllUsers_BlocksAtLayer3()
        {
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder("Block registration").Grant("block").Build());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal("RegistrationBlockedByConditionalAccess", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("Block registration", finding.Evidence["policy"]);
            Assert.Equal("all users", finding.Evidence["scope"]);
            Assert.Contains("cannot get past a block", finding.Remediation);
        }

        [Fact]
        public void RegistrationBlocked_ReportOnly_DoesNotBlockButIsRecorded()
        {
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder("Block registration").Grant("block").State(ConditionalAccessState.ReportOnly).Build());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("'Block registration'", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["reportOnlyRegistrationPolicies"]);
            Assert.Equal("none", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["registrationPolicies"]);
        }

        [Fact]
        public void RegistrationBlocked_Disabled_DoesNotBlock()
        {
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder().Grant("block").State(ConditionalAccessState.Disabled).Build());

            Assert.Equal(Verdict.Ready, Diagnose.Run(tenant, new UserBuilder()).Verdict);
        }

        [Fact]
        public void RegistrationBlocked_IncludedThroughNestedGroup_Applies()
        {
            // Engineering is nested in Passkey Users; transitive membership lists both.
            var policy = new RegistrationPolicyBuilder("Block contractors").Users(includeGroups: new[] { TenantBuilder.PasskeyUsers }).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder().InGroups(TenantBuilder.Engineering, TenantBuilder.PasskeyUsers));

            Assert.Equal("RegistrationBlockedByConditionalAccess", diagnosis.ReasonCode);
            Assert.Equal("through group 'Passkey Users'", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["scope"]);
        }

        [Fact]
        public void RegistrationBlocked_ExcludedThroughGroup_ExclusionWins()
        {
            var policy = new RegistrationPolicyBuilder().Users(includeUsers: new[] { "All" }, excludeGroups: new[] { TenantBuilder.Engineering }).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder().InGroups(TenantBuilder.Engineering, TenantBuilder.PasskeyUsers));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void RegistrationBlocked_ExcludedDirectly_ExclusionWins()
        {
            var user = new UserBuilder().Build();
            var policy = new RegistrationPolicyBuilder().Users(includeUsers: new[] { "All" }, excludeUsers: new[] { user.Id }).Grant("block").Build();

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy).Build(), user).Verdict);
        }

        [Fact]
        public void RegistrationBlocked_OtherGroupOnly_DoesNotApply()
        {
            var policy = new RegistrationPolicyBuilder().Users(includeGroups: new[] { TenantBuilder.TapOnboarding }).Grant("block").Build();

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).Verdict);
        }

        [Fact]
        public void RegistrationBlocked_ExcludedRoleIsNotRead_StillBlocksAndSaysSo()
        {
            var policy = new RegistrationPolicyBuilder().Users(includeUsers: new[] { "All" }, excludeRoles: new[] { RoleGlobalAdministrator }).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal("RegistrationBlockedByConditionalAccess", diagnosis.ReasonCode);
            Assert.Equal("all users, unless they hold the Global Administrator role, which it excludes (roles are not read)", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["scope"]);
        }

        [Fact]
        public void RegistrationBlocked_GuestsIncluded_AppliesToAGuest()
        {
            var policy = new RegistrationPolicyBuilder().Users(includesGuests: true).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder().Guest("Guest", "Accepted"));

            Assert.Equal("GuestUser", diagnosis.ReasonCode);
            Assert.Equal("RegistrationBlockedByConditionalAccess", diagnosis.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
        }

        [Fact]
        public void RegistrationBlocked_LegacyAuthenticationClientsOnly_NeverSeesARegistration()
        {
            var policy = new RegistrationPolicyBuilder("Block legacy authentication").Grant("block").ClientApps("exchangeActiveSync", "other").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Status);
        }

        [Fact]
        public void RegistrationBlocked_BrowserAndMobileApps_CoverEveryRegistrationSoItIsNoCondition()
        {
            var policy = new RegistrationPolicyBuilder().Grant("block").ClientApps("browser", "mobileAppsAndDesktopClients", "exchangeActiveSync").Build();

            Assert.Equal("RegistrationBlockedByConditionalAccess", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).ReasonCode);
        }
    }
}
