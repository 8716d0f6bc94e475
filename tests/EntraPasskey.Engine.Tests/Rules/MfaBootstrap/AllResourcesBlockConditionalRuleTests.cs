using EntraPasskey.Engine.Rules.MfaBootstrap;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.ConditionalAccessCases;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, AllResourcesBlockDependsOnConditions (AllResourcesBlockConditionalRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AllResourcesBlockConditionalRuleTests
    {
        [Fact]
        public void AllResourcesBlockDependsOnConditions_RegistrationAppExcludedAndTheDeviceUnknown_OnlyTheAppEscapes()
        {
            var policy = BlockEveryone().ExcludeApplications(CredentialRegistrationApp);

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorAndroid);

            Assert.Equal("AllResourcesBlockDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal(AllResourcesPolicies.ExceptInTheApp, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void AllResourcesBlockDependsOnConditions_OutsideTrustedLocations_Warns()
        {
            var policy = BlockEveryone("Block sign-ins outside trusted locations").OutsideTrustedLocations();

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("AllResourcesBlockDependsOnConditions", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("except from trusted locations", finding.Evidence["conditions"]);
            Assert.StartsWith("Have the user register where 'Block sign-ins outside trusted locations' does not block sign-in (it blocks except from trusted locations)", finding.Remediation);
        }

        [Fact]
        public void AllResourcesBlockDependsOnConditions_AllLocationsWithoutExclusion_IsNotAConditionAndBlocks()
        {
            var policy = BlockEveryone().Conditions(RegistrationPolicyBuilder.NoConditions with { IncludeLocations = new[] { "All" } });

            Assert.Equal("AllResourcesBlocked", Diagnose.Run(Tenant(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesBlockDependsOnConditions_BrowserOnly_NamesTheClientApp()
        {
            var policy = BlockEveryone().ClientApps("browser");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal("AllResourcesBlockDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("only for client apps browser", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void AllResourcesBlockDependsOnConditions_OnlyOnAndroidForAUserOutsideScope_DoesNotApply()
        {
            var policy = BlockEveryone().OnlyOn("android").Users(includeGroups: new[] { TenantBuilder.Engineering });

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), new UserBuilder()).Verdict);
        }
    }
}
