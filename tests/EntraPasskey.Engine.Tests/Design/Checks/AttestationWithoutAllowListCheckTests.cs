using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class AttestationWithoutAllowListCheckTests
    {
        private readonly AttestationWithoutAllowListCheck _check = new AttestationWithoutAllowListCheck();

        [Fact]
        public void AttestationWithABlockList_Fails_ForTheProfilesUsers()
        {
            var profile = Profiles.Make(Profiles.OtherId, "Security keys only", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly, KeyRestrictions.Block(Aaguids.FeitianEpass));

            var outcome = _check.Evaluate(DesignInputs.For(Profiles.Tenant(profile).Build()));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Contains("Security keys only", outcome.Evidence["profiles"]);
            Assert.Equal(80, outcome.Affected!.Users);
        }

        [Fact]
        public void AttestationWithAnAllowList_Passes()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(Profiles.Tenant(Profiles.Privileged()).Build())));
        }

        [Fact]
        public void AttestationInAProfileNoTargetUses_IsNobodysProblem()
        {
            var unused = Profiles.Make(Profiles.OtherId, "Unused", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);
            var tenant = Profiles.Tenant(Profiles.Open()).Profiles(Profiles.Open(), unused).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(tenant)));
        }

        [Fact]
        public void LegacyAttestationWithoutAList_BeforeOptIn_Fails()
        {
            var tenant = new TenantBuilder().Legacy(isAttestationEnforced: true, KeyRestrictions.None).Build();

            Assert.Equal(FindingStatus.Fail, _check.Evaluate(DesignInputs.For(tenant))!.Status);
        }
    }
}
