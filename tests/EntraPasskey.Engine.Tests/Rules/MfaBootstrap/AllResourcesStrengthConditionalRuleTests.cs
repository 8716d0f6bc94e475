using EntraPasskey.Engine.Rules.MfaBootstrap;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.ConditionalAccessCases;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, AllResourcesAuthStrengthDependsOnConditions (AllResourcesStrengthConditionalRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AllResourcesStrengthConditionalRuleTests
    {
        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrCompliantDevice_WarnsThatElsewhereTheStrengthIsTheOnlyWay()
        {
            var policy = PhishingResistantEverywhere("Phishing-resistant MFA or a compliant device").Grant("compliantDevice");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("authentication strength 'Phishing-resistant MFA'", finding.Evidence["unmet"]);
            Assert.Equal("a compliant device", finding.Evidence["satisfiedInsteadBy"]);
            Assert.False(finding.Evidence.ContainsKey("conditions"));
            Assert.Contains("Microsoft Authenticator, unless the sign-in comes from a compliant device, and none of Adele Vance's usable methods meets it", finding.Message);
            Assert.StartsWith("Have the user register from a compliant device, which 'Phishing-resistant MFA or a compliant device' accepts instead of the strength. Otherwise: Split ", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrCompliantDeviceButUserHasAPasskey_IsMet()
        {
            var policy = PhishingResistantEverywhere().Grant("compliantDevice");
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey(), UserBuilder.Passkey("passkey-2"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), user).Verdict);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrHybridJoinedOrCompliant_NamesBoth()
        {
            var policy = PhishingResistantEverywhere().Grant("compliantDevice", "domainJoinedDevice");

            var finding = Diagnose.Run(Tenant(policy), new UserBuilder()).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", finding.ReasonCode);
            Assert.Equal("a compliant device or a Microsoft Entra hybrid joined device", finding.Evidence["satisfiedInsteadBy"]);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrApprovedAppAndASecurityKeyAttempt_WarnsNotReady()
        {
            // The app-protection side does not concern a security key, but the browser it registers in is no approved app.
            var policy = PhishingResistantEverywhere().Grant("approvedApplication");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("an approved client app", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["satisfiedInsteadBy"]);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrCompliantDeviceAndAnAuthenticatorAttempt_ACompliantPhoneMayDo()
        {
            var policy = PhishingResistantEverywhere().Grant("compliantDevice");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthAndCompliantDevice_BothAreNeededSoItBlocks()
        {
            var policy = PhishingResistantEverywhere().Grant("compliantDevice").RequireAll();

            Assert.Equal("AllResourcesAuthStrengthUnmet", Diagnose.Run(Tenant(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_DesktopOnlyPolicy_WarnsNamingThePlatforms()
        {
            var policy = PhishingResistantEverywhere("Phishing-resistant MFA on desktops").OnlyOn("windows", "macOS");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("only on windows, macOS", finding.Evidence["conditions"]);
            Assert.StartsWith("Have the user register where 'Phishing-resistant MFA on desktops' does not apply (only on windows, macOS)", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_RegistrationAppExcludedAndTheDeviceUnknown_OnlyTheAppEscapes()
        {
            // An Authenticator passkey with no -Platform: registered in the app on the phone it escapes the policy,
            // started from a computer it does not, so the answer is a warning, never a Pass.
            var policy = PhishingResistantEverywhere().ExcludeApplications(CredentialRegistrationApp);

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos);

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("except when registering in the Microsoft Authenticator app on the phone, which it excludes", finding.Evidence["conditions"]);
            Assert.StartsWith("Have the user register where 'Phishing-resistant MFA for all resources' does not apply (except when registering in the Microsoft Authenticator app on the phone, which it excludes)", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_AllLocationsWithoutExclusion_IsNotAConditionAndBlocks()
        {
            var policy = PhishingResistantEverywhere().Conditions(RegistrationPolicyBuilder.NoConditions with { IncludeLocations = new[] { "All" } });

            Assert.Equal("AllResourcesAuthStrengthUnmet", Diagnose.Run(Tenant(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_OutsideTrustedLocationsButUserHasAPasskey_IsMet()
        {
            var policy = PhishingResistantEverywhere().OutsideTrustedLocations();
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey(), UserBuilder.Passkey("passkey-2"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), user).Verdict);
        }
    }
}
