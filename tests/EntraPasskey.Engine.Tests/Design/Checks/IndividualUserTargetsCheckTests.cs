using EntraPasskey.Engine.Design.Checks.Targets;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class IndividualUserTargetsCheckTests
    {
        private const string UserId = "22222222-0000-0000-0000-000000000001";
        private readonly IndividualUserTargetsCheck _check = new IndividualUserTargetsCheck();

        [Fact]
        public void UserExcludedByName_FailsAtMedium()
        {
            var tenant = new TenantBuilder().Fido2Targets(
                new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers) },
                new[] { PolicyTarget.Group(TenantBuilder.PasskeyExclusions), PolicyTarget.User(UserId) }).Build();

            var outcome = _check.Evaluate(DesignInputs.For(tenant));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Equal(DesignSeverity.Medium, outcome.Severity);
            Assert.Equal(UserId, outcome.Evidence["excludedUserIds"]);
            Assert.Equal(1, outcome.Affected!.Users);
        }

        [Fact]
        public void UserIncludedByName_FailsAtTheCheckSeverity()
        {
            var tenant = new TenantBuilder().Fido2Targets(
                new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers), PolicyTarget.User(UserId) },
                new[] { PolicyTarget.Group(TenantBuilder.PasskeyExclusions) }).Build();

            var outcome = _check.Evaluate(DesignInputs.For(tenant));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Null(outcome.Severity);
            Assert.False(outcome.Evidence.ContainsKey("excludedUserIds"));
        }

        [Fact]
        public void GroupsOnly_Pass()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().Build())));
        }
    }
}
