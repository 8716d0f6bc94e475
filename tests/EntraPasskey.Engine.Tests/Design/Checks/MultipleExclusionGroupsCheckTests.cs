using EntraPasskey.Engine.Design.Checks.Targets;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class MultipleExclusionGroupsCheckTests
    {
        private readonly MultipleExclusionGroupsCheck _check = new MultipleExclusionGroupsCheck();

        [Fact]
        public void TwoExclusionGroups_Fail_CountingBoth()
        {
            var tenant = new TenantBuilder().Fido2Targets(
                new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers) },
                new[] { PolicyTarget.Group(TenantBuilder.PasskeyExclusions), PolicyTarget.Group(TenantBuilder.Engineering) }).Build();

            var outcome = _check.Evaluate(DesignInputs.For(tenant));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Equal(23, outcome.Affected!.Users);
            Assert.Contains("'Passkey Exclusions'", outcome.Evidence["excludedGroups"]);
        }

        [Fact]
        public void OneGroupAndOneUser_IsNotSeveralGroups()
        {
            var tenant = new TenantBuilder().Fido2Targets(
                new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers) },
                new[] { PolicyTarget.Group(TenantBuilder.PasskeyExclusions), PolicyTarget.User("22222222-0000-0000-0000-000000000001") }).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(tenant)));
        }
    }
}
