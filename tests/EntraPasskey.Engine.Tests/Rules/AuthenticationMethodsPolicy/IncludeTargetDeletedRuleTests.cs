using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1, IncludeTargetDeleted (IncludeTargetDeletedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class IncludeTargetDeletedRuleTests
    {
        private const string DeletedGroup = "dddddddd-0000-0000-0000-00000000dead";

        [Fact]
        public void IncludeTargetDeleted_OnlyLiveTargetMissesTheUser_NamesTheDanglingId()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(DeletedGroup), PolicyTarget.Group(TenantBuilder.Engineering) }, new PolicyTarget[0])
                .WithGroup(new GroupInfo(DeletedGroup, null, Exists: false));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().InGroups(TenantBuilder.PasskeyUsers));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal("IncludeTargetDeleted", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy];
            Assert.Equal(DeletedGroup, finding.Evidence["deletedIncludeTargetIds"]);
            Assert.Equal("group 'Engineering'", finding.Evidence["liveIncludeTargets"]);
            // Read aloud, the message says the group was deleted; its id is for the admin who restores it.
            Assert.Contains("an include target is a group that has been deleted", finding.Message);
            Assert.DoesNotContain(DeletedGroup, finding.Message);
            Assert.Contains(DeletedGroup, finding.Remediation);
        }

        [Fact]
        public void IncludeTargetDeleted_UserTargetedThroughAnotherTarget_IsNotThisUsersProblem()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(DeletedGroup), PolicyTarget.Group(TenantBuilder.PasskeyUsers) }, new PolicyTarget[0])
                .WithGroup(new GroupInfo(DeletedGroup, null, Exists: false));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void IncludeTargetDeleted_NoDeletedTarget_StaysUserNotTargeted()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.Engineering));

            Assert.Equal("UserNotTargeted", diagnosis.ReasonCode);
        }

        [Fact]
        public void IncludeTargetDeleted_UserAlsoExcluded_ExclusionIsTheReason()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(DeletedGroup) }, new[] { PolicyTarget.Group(TenantBuilder.PasskeyExclusions) })
                .WithGroup(new GroupInfo(DeletedGroup, null, Exists: false));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().InGroups(TenantBuilder.PasskeyExclusions));

            Assert.Equal("UserExcluded", diagnosis.ReasonCode);
        }
    }
}
