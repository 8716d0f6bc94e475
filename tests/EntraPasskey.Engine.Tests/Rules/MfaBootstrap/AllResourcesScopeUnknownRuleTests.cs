using EntraPasskey.Engine.Rules.MfaBootstrap;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.ConditionalAccessCases;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, AllResourcesScopeUnknown (AllResourcesScopeUnknownRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AllResourcesScopeUnknownRuleTests
    {
        [Fact]
        public void AllResourcesScopeUnknown_StrengthPolicyOnlyForRoles_IsUnknownNotReady()
        {
            var policy = PhishingResistantEverywhere("Admins sign in phishing-resistant").Users(includeRoles: new[] { RoleGlobalAdministrator });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal("AllResourcesScopeUnknown", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Contains("role membership is not read", finding.Message);
            Assert.Contains("If so, they are blocked: Split 'Admins sign in phishing-resistant'", finding.Remediation);
        }

        [Fact]
        public void AllResourcesScopeUnknown_BlockOnlyForRoles_IsUnknownNotReady()
        {
            var policy = BlockEveryone("Block sign-ins for break-glass roles").Users(includeRoles: new[] { RoleGlobalAdministrator });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("AllResourcesScopeUnknown", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Contains("blocks sign-in to every resource", finding.Message);
            Assert.Contains("If so, they are blocked: Find out why 'Block sign-ins for break-glass roles' blocks Adele Vance", finding.Remediation);
        }

        [Fact]
        public void AllResourcesScopeUnknown_RolesAndAllUsers_TheUserIsInScopeAnyway()
        {
            var policy = PhishingResistantEverywhere().Users(includeUsers: new[] { "All" }, includeRoles: new[] { RoleGlobalAdministrator });

            Assert.Equal("AllResourcesAuthStrengthUnmet", Diagnose.Run(Tenant(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesScopeUnknown_AppProtectionForRolesAndAnAuthenticatorAttempt_IsUnknown()
        {
            var policy = AppProtection().Users(includeRoles: new[] { RoleGlobalAdministrator });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("AllResourcesScopeUnknown", diagnosis.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
            Assert.Contains(CredentialRegistrationApp, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
        }

        [Fact]
        public void AllResourcesScopeUnknown_AppProtectionForRolesWithoutAnAttempt_IsOnlyAWarning()
        {
            var policy = AppProtection().Users(includeRoles: new[] { RoleGlobalAdministrator });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal("AuthenticatorAppProtectionNotExcluded", diagnosis.ReasonCode);
            Assert.Contains("role membership is not read", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Message);
        }
    }
}
