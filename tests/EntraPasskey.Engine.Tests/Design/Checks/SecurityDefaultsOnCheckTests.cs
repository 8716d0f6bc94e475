using EntraPasskey.Engine.Design.Checks.ConditionalAccess;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class SecurityDefaultsOnCheckTests
    {
        private readonly SecurityDefaultsOnCheck _check = new SecurityDefaultsOnCheck();

        [Fact]
        public void SecurityDefaultsOn_Fails_ForEveryone()
        {
            var outcome = _check.Evaluate(DesignInputs.For(new TenantBuilder().SecurityDefaults(SecurityDefaults.On).Build()));

            Assert.Equal(100, outcome!.Affected!.Users);
        }

        [Fact]
        public void SecurityDefaultsOff_Passes()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().Build())));
        }

        [Fact]
        public void SecurityDefaultsUnread_IsUnknown_NamingThePermission()
        {
            var tenant = new TenantBuilder().SecurityDefaults(SecurityDefaults.Unknown(new EvidenceGap("Permission denied.", "Policy.Read.All", true))).Build();

            var outcome = _check.Evaluate(DesignInputs.For(tenant));

            Assert.Equal(FindingStatus.Unknown, outcome!.Status);
            Assert.Contains("Policy.Read.All", outcome.Remediation);
        }
    }
}
