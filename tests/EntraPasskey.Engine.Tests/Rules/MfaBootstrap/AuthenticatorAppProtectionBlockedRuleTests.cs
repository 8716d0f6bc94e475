using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.ConditionalAccessCases;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, AuthenticatorBlockedByAppProtection (AuthenticatorAppProtectionBlockedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AuthenticatorAppProtectionBlockedRuleTests
    {
        [Fact]
        public void AuthenticatorBlockedByAppProtection_AuthenticatorAttemptOnIos_BlocksAtLayer3NamingTheAppToExclude()
        {
            var diagnosis = Diagnose.Run(Tenant(AppProtection()), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("AuthenticatorBlockedByAppProtection", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("an approved client app or an app protection policy", finding.Evidence["unmet"]);
            Assert.Equal("Microsoft Authenticator on iOS", finding.Evidence["attempt"]);
            Assert.False(finding.Evidence.ContainsKey("conditions"));
            Assert.Contains("'Require app protection on mobile'", finding.Message);
            Assert.StartsWith("Add the Microsoft Authenticator Credential Registration (" + CredentialRegistrationApp + ") app to the excluded resources of 'Require app protection on mobile'", finding.Remediation);
            Assert.Contains("New-MgServicePrincipal -AppId " + CredentialRegistrationApp, finding.Remediation);
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_AndControlWithMfa_StillBlocksOnAndroid()
        {
            var policy = new RegistrationPolicyBuilder("MFA and an approved app").Grant("mfa", "approvedApplication").RequireAll();

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorAndroid, "Android", "14");

            Assert.Equal("AuthenticatorBlockedByAppProtection", diagnosis.ReasonCode);
            Assert.Equal("Microsoft Authenticator on android", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["attempt"]);
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_RegistrationAppExcluded_DoesNotBlock()
        {
            var policy = AppProtection().ExcludeApplications(CredentialRegistrationApp);

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(FindingStatus.Pass, Layer3(diagnosis));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_UserExcludedByGroup_DoesNotBlock()
        {
            var policy = AppProtection().Users(includeUsers: new[] { "All" }, excludeGroups: new[] { TenantBuilder.Engineering });
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering);

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), user, Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_ReportOnly_DoesNotBlock()
        {
            var policy = AppProtection().State(ConditionalAccessState.ReportOnly);

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_OrMfa_TheSignInTakesTheMfaRoute()
        {
            var policy = new RegistrationPolicyBuilder().Grant("mfa", "approvedApplication");

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_PolicyOnlyOnAndroid_DoesNotTouchAnIosAttempt()
        {
            var policy = AppProtection().OnlyOn("android");

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_UserWithoutAnMfaMethod_TheMissingMethodComesFirst()
        {
            var diagnosis = Diagnose.Run(Tenant(AppProtection()), new UserBuilder().WithMethods(UserBuilder.Password), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("NoMfaCapableMethod", diagnosis.ReasonCode);
        }
    }
}
