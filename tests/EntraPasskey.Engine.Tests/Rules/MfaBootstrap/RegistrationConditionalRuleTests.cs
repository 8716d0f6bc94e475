using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, RegistrationDependsOnConditions (RegistrationConditionalRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class RegistrationConditionalRuleTests
    {
        [Fact]
        public void RegistrationDependsOnConditions_BlockOutsideTrustedLocations_Warns()
        {
            var policy = new RegistrationPolicyBuilder("Register from trusted locations").Grant("block").OutsideTrustedLocations().Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("RegistrationDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("except from trusted locations", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void RegistrationDependsOnConditions_AllLocationsWithoutExclusion_IsNotAConditionAndBlocks()
        {
            var policy = new RegistrationPolicyBuilder().Grant("block").Conditions(RegistrationPolicyBuilder.NoConditions with { IncludeLocations = new[] { "All" } }).Build();

            Assert.Equal("RegistrationBlockedByConditionalAccess", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void RegistrationDependsOnConditions_BrowserOnlyWithLegacyClients_NamesOnlyTheBrowser()
        {
            var policy = new RegistrationPolicyBuilder().Grant("block").ClientApps("browser", "other").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal("RegistrationDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("only for client apps browser", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void RegistrationDependsOnConditions_AClientAppTypeNotKnownHere_IsACondition()
        {
            var policy = new RegistrationPolicyBuilder().Grant("block").ClientApps("unknownFutureValue").Build();

            Assert.Equal("RegistrationDependsOnConditions", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void RegistrationDependsOnConditions_PlatformAndRisk_AreNamed()
        {
            var conditions = RegistrationPolicyBuilder.NoConditions with { IncludePlatforms = new[] { "android", "iOS" }, SignInRiskLevels = new[] { "high" } };
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.PhishingResistant).Conditions(conditions).Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal("RegistrationDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("only on android, iOS; only at sign-in risk high", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }
    }
}
