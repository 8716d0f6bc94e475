using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.ConditionalAccessCases;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, AllResourcesBlocked (AllResourcesBlockedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AllResourcesBlockedRuleTests
    {
        [Fact]
        public void AllResourcesBlocked_BlockForAllUsers_BlocksAtLayer3()
        {
            var diagnosis = Diagnose.Run(Tenant(BlockEveryone()), new UserBuilder());

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("AllResourcesBlocked", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("Block all sign-ins", finding.Evidence["policy"]);
            Assert.Equal("All resources", finding.Evidence["resources"]);
            Assert.Equal("all users", finding.Evidence["scope"]);
            Assert.Equal("block access", finding.Evidence["unmet"]);
            Assert.Contains("cannot sign in to register a passkey", finding.Message);
            Assert.Contains("a Temporary Access Pass cannot get past a block", finding.Remediation);
        }

        [Fact]
        public void AllResourcesBlocked_LegacyAuthenticationClientsOnly_NeverSeesARegistration()
        {
            var policy = BlockEveryone("Block legacy authentication").ClientApps("exchangeActiveSync", "other");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal(FindingStatus.Pass, Layer3(diagnosis));
        }

        [Theory]
        [InlineData("all")]
        [InlineData("browser", "mobileAppsAndDesktopClients")]
        [InlineData("browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other")]
        public void AllResourcesBlocked_ClientAppsCoveringBrowserAndApps_IsNoCondition(params string[] clientApps)
        {
            Assert.Equal("AllResourcesBlocked", Diagnose.Run(Tenant(BlockEveryone().ClientApps(clientApps)), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesBlocked_UserExcludedByGroup_ExclusionWins()
        {
            var policy = BlockEveryone().Users(includeUsers: new[] { "All" }, excludeGroups: new[] { TenantBuilder.Engineering });

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering)).Verdict);
        }

        [Fact]
        public void AllResourcesBlocked_ReportOnly_DoesNotBlock()
        {
            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(BlockEveryone().State(ConditionalAccessState.ReportOnly)), new UserBuilder()).Verdict);
        }

        [Fact]
        public void AllResourcesBlocked_ComesBeforeTheMissingMfaMethodAndTheRegistrationStrength()
        {
            var tenant = Tenant(BlockEveryone())
                .RegistrationPolicies(new RegistrationPolicyBuilder("Phishing-resistant registration").Strength(RegistrationPolicyBuilder.PhishingResistant).Build());

            Assert.Equal("AllResourcesBlocked", Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password)).ReasonCode);
        }

        [Fact]
        public void AllResourcesBlocked_ABlockOnTheRegistrationActionToo_TheRegistrationPolicyIsReportedFirst()
        {
            var tenant = Tenant(BlockEveryone()).RegistrationPolicies(new RegistrationPolicyBuilder("Block registration").Grant("block").Build());

            Assert.Equal("RegistrationBlockedByConditionalAccess", Diagnose.Run(tenant, new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesBlocked_RegistrationAppExcludedAndAnAuthenticatorAttempt_DoesNotCoverIt()
        {
            var policy = BlockEveryone().ExcludeApplications(CredentialRegistrationApp);

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AllResourcesBlocked_RegistrationAppExcludedButAnAuthenticatorAttemptFromAComputer_StillBlocks()
        {
            var policy = BlockEveryone().ExcludeApplications(CredentialRegistrationApp);

            Assert.Equal("AllResourcesBlocked", Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "macOS", "14").ReasonCode);
        }

        [Fact]
        public void AllResourcesBlocked_SecurityDefaultsOn_ConditionalAccessIsNotInEffect()
        {
            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(BlockEveryone()).SecurityDefaults(SecurityDefaults.On), new UserBuilder())));
        }
    }
}
