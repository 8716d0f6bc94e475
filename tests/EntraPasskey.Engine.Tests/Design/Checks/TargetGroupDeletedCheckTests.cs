using System;
using EntraPasskey.Engine.Design.Checks.Targets;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class TargetGroupDeletedCheckTests
    {
        private const string Pilot = "33333333-0000-0000-0000-000000000001";
        private readonly TargetGroupDeletedCheck _check = new TargetGroupDeletedCheck();

        [Fact]
        public void DeletedPasskeyIncludeTarget_FailsHigh_WithoutACount()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers), PolicyTarget.Group(Pilot) }, Array.Empty<PolicyTarget>())
                .WithGroup(new GroupInfo(Pilot, "Passkey Pilot", Exists: false))
                .Build();

            var outcome = _check.Evaluate(DesignInputs.For(tenant));

            Assert.Equal(DesignSeverity.High, outcome!.Severity);
            Assert.Contains($"Fido2 include target {Pilot}", outcome.Evidence["deletedTargets"]);
            Assert.Null(outcome.Affected!.Users);
        }

        [Fact]
        public void DeletedExcludeTargetOfAnotherMethod_FailsAtLow()
        {
            var tenant = new TenantBuilder()
                .Method(new MethodPolicy(MethodPolicyIds.Sms, true, new[] { PolicyTarget.AllUsers() }, new[] { PolicyTarget.Group(Pilot) }))
                .WithGroup(new GroupInfo(Pilot, "Passkey Pilot", Exists: false))
                .Build();

            var outcome = _check.Evaluate(DesignInputs.For(tenant));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Null(outcome.Severity);
        }

        [Fact]
        public void EveryTargetLive_Passes()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().Build())));
        }
    }
}
