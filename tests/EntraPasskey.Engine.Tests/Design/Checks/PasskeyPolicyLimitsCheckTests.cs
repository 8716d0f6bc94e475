using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class PasskeyPolicyLimitsCheckTests
    {
        private readonly PasskeyPolicyLimitsCheck _check = new PasskeyPolicyLimitsCheck();

        [Fact]
        public void ThreeProfiles_AreAtTheLimit()
        {
            var tenant = Profiles.Tenant(Profiles.Open(), Profiles.Privileged(), Profiles.Open(Profiles.OtherId, "Third")).Build();

            var outcome = _check.Evaluate(DesignInputs.For(tenant));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Equal("3", outcome.Evidence["passkeyProfiles"]);
        }

        [Fact]
        public void TwoProfiles_HaveRoom()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(Profiles.Tenant(Profiles.Open(), Profiles.Privileged()).Build())));
        }

        [Fact]
        public void PolicyAtEightyPercentOfTwentyKilobytes_IsNearTheLimit()
        {
            var input = new DesignInput(Profiles.Tenant(Profiles.Open()).Build(), DesignInputs.Now) { PolicySizeBytes = PasskeyPolicyLimitsCheck.NearPolicyBytes };

            Assert.Equal(FindingStatus.Fail, _check.Evaluate(input)!.Status);
        }

        [Fact]
        public void PolicyJustUnderEightyPercent_HasRoom()
        {
            var input = new DesignInput(Profiles.Tenant(Profiles.Open()).Build(), DesignInputs.Now) { PolicySizeBytes = PasskeyPolicyLimitsCheck.NearPolicyBytes - 1 };

            Assert.Null(_check.Evaluate(input));
        }
    }
}
