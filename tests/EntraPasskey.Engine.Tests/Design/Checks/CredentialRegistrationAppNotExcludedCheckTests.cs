using EntraPasskey.Engine.Design.Checks.ConditionalAccess;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class CredentialRegistrationAppNotExcludedCheckTests
    {
        private readonly CredentialRegistrationAppNotExcludedCheck _check = new CredentialRegistrationAppNotExcludedCheck();

        [Fact]
        public void AppProtectionWithoutTheExclusion_Fails()
        {
            var policy = new RegistrationPolicyBuilder("App protection").Grant("approvedApplication", "compliantApplication").BuildAllResources();

            Assert.Equal(FindingStatus.Fail, _check.Evaluate(DesignInputs.For(new TenantBuilder().AllResourcesPolicies(policy).Build()))!.Status);
        }

        [Fact]
        public void AppProtectionExcludingTheRegistrationApp_Passes()
        {
            var policy = new RegistrationPolicyBuilder().Grant("compliantApplication").ExcludeApplications(AllResourcesPolicies.CredentialRegistrationAppId).BuildAllResources();

            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().AllResourcesPolicies(policy).Build())));
        }
    }
}
