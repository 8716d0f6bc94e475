using System.Collections.Generic;
using EntraPasskey.Engine.Design.Checks.ConditionalAccess;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class AllResourcesStrengthLoopCheckTests
    {
        private readonly AllResourcesStrengthLoopCheck _check = new AllResourcesStrengthLoopCheck();

        [Fact]
        public void PhishingResistantStrengthOnAllResources_Fails_High()
        {
            var policy = new RegistrationPolicyBuilder("Payments approvers").Users(includeGroups: new[] { TenantBuilder.Engineering }).Strength(RegistrationPolicyBuilder.PhishingResistant).BuildAllResources();

            var outcome = _check.Evaluate(DesignInputs.For(new TenantBuilder().AllResourcesPolicies(policy).Build()));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Null(outcome.Severity);
            Assert.Equal(20, outcome.Affected!.Users);
        }

        [Fact]
        public void OnlyOnSomePlatforms_IsNarrower_Medium()
        {
            var policy = new RegistrationPolicyBuilder().OnlyOn("windows").Strength(RegistrationPolicyBuilder.PhishingResistant).BuildAllResources();

            Assert.Equal(DesignSeverity.Medium, _check.Evaluate(DesignInputs.For(new TenantBuilder().AllResourcesPolicies(policy).Build()))!.Severity);
        }

        [Fact]
        public void AStrengthThatAlsoAcceptsPush_IsNoLoop()
        {
            var mfa = new AuthenticationStrength("s1", "MFA", new IReadOnlyCollection<string>[] { new[] { "fido2" }, new[] { "password", "microsoftAuthenticatorPush" } });
            var policy = new RegistrationPolicyBuilder().Strength(mfa).BuildAllResources();

            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().AllResourcesPolicies(policy).Build())));
        }

        [Fact]
        public void APasskeyStrengthThatAcceptsAPass_IsNoLoop()
        {
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.TapOrPasskey).BuildAllResources();

            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().AllResourcesPolicies(policy).Build())));
        }
    }
}
