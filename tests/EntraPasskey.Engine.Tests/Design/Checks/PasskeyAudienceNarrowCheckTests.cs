using System;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Design.Checks.Passkeys;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class PasskeyAudienceNarrowCheckTests
    {
        private readonly PasskeyAudienceNarrowCheck _check = new PasskeyAudienceNarrowCheck();

        [Fact]
        public void OneGroupOfFortyNineOfHundred_Fails_WithTheUsersLeftOut()
        {
            var outcome = _check.Evaluate(DesignInputs.For(new TenantBuilder().Build(), DesignInputs.Sizes(100, (TenantBuilder.PasskeyUsers, 49))));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Equal(51, outcome.Affected!.Users);
        }

        [Fact]
        public void ExactlyHalf_IsBroadEnough()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().Build(), DesignInputs.Sizes(100, (TenantBuilder.PasskeyUsers, 50)))));
        }

        [Fact]
        public void AllUsers_IsBroad_WhateverTheSizes()
        {
            var tenant = new TenantBuilder().Fido2Targets(new[] { PolicyTarget.AllUsers() }, Array.Empty<PolicyTarget>()).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(tenant, AudienceSizes.Unknown("not read"))));
        }

        [Fact]
        public void UncountedGroup_IsUnknown_NotAFailure()
        {
            var outcome = _check.Evaluate(DesignInputs.For(new TenantBuilder().Build(), AudienceSizes.Unknown("GroupMember.Read.All missing")));

            Assert.Equal(FindingStatus.Unknown, outcome!.Status);
        }
    }
}
