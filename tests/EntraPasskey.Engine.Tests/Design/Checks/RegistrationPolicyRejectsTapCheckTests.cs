using EntraPasskey.Engine.Design.Checks.ConditionalAccess;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class RegistrationPolicyRejectsTapCheckTests
    {
        private readonly RegistrationPolicyRejectsTapCheck _check = new RegistrationPolicyRejectsTapCheck();

        [Fact]
        public void PhishingResistantStrengthOnRegistration_Fails_ForThePolicyScope()
        {
            var policy = new RegistrationPolicyBuilder("Admins need phishing-resistant MFA").Users(includeGroups: new[] { TenantBuilder.Engineering }).Strength(RegistrationPolicyBuilder.PhishingResistant).Build();

            var outcome = _check.Evaluate(DesignInputs.For(new TenantBuilder().RegistrationPolicies(policy).Build()));

            Assert.Contains("Admins need phishing-resistant MFA", outcome!.Evidence["policies"]);
            Assert.Equal(20, outcome.Affected!.Users);
        }

        [Fact]
        public void AStrengthThatAcceptsAOneTimePass_Passes()
        {
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.TapOrPasskey).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().RegistrationPolicies(policy).Build())));
        }

        [Fact]
        public void TheSameStrengthInReportOnly_Passes()
        {
            var policy = new RegistrationPolicyBuilder().State(ConditionalAccessState.ReportOnly).Strength(RegistrationPolicyBuilder.PhishingResistant).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().RegistrationPolicies(policy).Build())));
        }

        [Fact]
        public void AnOrGrantWithAnotherControl_Passes()
        {
            var policy = new RegistrationPolicyBuilder().Grant("compliantDevice").Strength(RegistrationPolicyBuilder.PhishingResistant).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().RegistrationPolicies(policy).Build())));
        }
    }
}
