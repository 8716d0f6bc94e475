using EntraPasskey.Engine.Design.Checks.ConditionalAccess;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class NoRegistrationPolicyCheckTests
    {
        private readonly NoRegistrationPolicyCheck _check = new NoRegistrationPolicyCheck();

        [Fact]
        public void NoRegistrationPolicy_Fails()
        {
            Assert.Equal(FindingStatus.Fail, _check.Evaluate(DesignInputs.For(new TenantBuilder().Build()))!.Status);
        }

        [Fact]
        public void OnlyAReportOnlyPolicy_StillFails_AndSaysSo()
        {
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder().State(ConditionalAccessState.ReportOnly).Grant("mfa").Build()).Build();

            Assert.Contains("report-only", _check.Evaluate(DesignInputs.For(tenant))!.Problem);
        }

        [Fact]
        public void AnEnabledPolicy_Passes()
        {
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder().Grant("mfa").Build()).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(tenant)));
        }

        [Fact]
        public void SecurityDefaultsOn_IsLeftToSecurityDefaultsOn()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().SecurityDefaults(SecurityDefaults.On).Build())));
        }

        [Fact]
        public void UnreadableConditionalAccess_IsUnknown()
        {
            var tenant = new TenantBuilder().ConditionalAccess(ConditionalAccessEvidence.Unavailable(new EvidenceGap("Permission denied.", "Policy.Read.All", true))).Build();

            Assert.Equal(FindingStatus.Unknown, _check.Evaluate(DesignInputs.For(tenant))!.Status);
        }
    }
}
