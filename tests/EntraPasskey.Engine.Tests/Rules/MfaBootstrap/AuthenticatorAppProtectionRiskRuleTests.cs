using EntraPasskey.Engine.Rules.MfaBootstrap;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.ConditionalAccessCases;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, AuthenticatorAppProtectionNotExcluded (AuthenticatorAppProtectionRiskRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AuthenticatorAppProtectionRiskRuleTests
    {
        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_NoAaguid_WarnsNamingTheAuthenticatorPath()
        {
            var diagnosis = Diagnose.Run(Tenant(AppProtection()), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AuthenticatorAppProtectionNotExcluded", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Contains("a passkey cannot be registered in Microsoft Authenticator", finding.Message);
            Assert.Contains("pass -Aaguid", finding.Message);
            Assert.Equal("only on android, iOS", finding.Evidence["conditions"]);
            Assert.Equal("not given", finding.Evidence["attempt"]);
            Assert.StartsWith("Add the Microsoft Authenticator Credential Registration", finding.Remediation);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_ASecurityKeyAttempt_DoesNotConcernIt()
        {
            // A security key is registered in the browser, never through the Authenticator app the policy guards.
            var diagnosis = Diagnose.Run(Tenant(AppProtection()), new UserBuilder(), Aaguids.YubiKey5Nfc);

            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal(FindingStatus.Pass, finding.Status);
            Assert.Null(finding.ReasonCode);
            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_AnAttemptTheCatalogDoesNotKnow_WarnsThatItMayGoThroughAuthenticator()
        {
            var unknown = new System.Guid("0d9a2f4e-7b31-4c85-9e60-2a4f8c1d3b57");

            var finding = Diagnose.Run(Tenant(AppProtection()), new UserBuilder(), unknown).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("AuthenticatorAppProtectionNotExcluded", finding.ReasonCode);
            Assert.Equal(FindingStatus.Warn, finding.Status);
            Assert.Contains("is not in the catalog", finding.Message);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_CompliantPhoneAlsoAccepted_WarnsEvenForAnAuthenticatorAttempt()
        {
            var policy = new RegistrationPolicyBuilder().Grant("approvedApplication", "compliantDevice");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("AuthenticatorAppProtectionNotExcluded", diagnosis.ReasonCode);
            Assert.Contains("a compliant phone also satisfies it", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Message);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_OutsideTrustedLocations_WarnsEvenForAnAuthenticatorAttempt()
        {
            var policy = AppProtection().OutsideTrustedLocations();

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("AuthenticatorAppProtectionNotExcluded", diagnosis.ReasonCode);
            Assert.Equal("except from trusted locations", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_DesktopOnlyPolicy_CannotReachAuthenticator()
        {
            var policy = new RegistrationPolicyBuilder("Approved apps on desktops").Grant("approvedApplication").OnlyOn("windows", "macOS");

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), new UserBuilder()).Verdict);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_RegistrationAppExcluded_NoWarning()
        {
            var policy = AppProtection().ExcludeApplications(CredentialRegistrationApp.ToUpperInvariant());

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), new UserBuilder()).Verdict);
        }
    }
}
