using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, ConditionalAccessUnavailable (ConditionalAccessUnavailableRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class ConditionalAccessUnavailableRuleTests
    {
        [Fact]
        public void ConditionalAccessUnavailable_PermissionMissing_IsUnknownNamingIt()
        {
            var tenant = new TenantBuilder().ConditionalAccess(ConditionalAccessEvidence.Unavailable(
                new EvidenceGap("Permission denied to read the Conditional Access policies. It needs the Microsoft Graph permission Policy.Read.All.", "Policy.Read.All")));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("ConditionalAccessUnavailable", diagnosis.ReasonCode);
            Assert.Equal("Policy.Read.All", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["missingPermission"]);
            Assert.StartsWith("Grant Policy.Read.All", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
            Assert.Contains("Policy.Read.All", diagnosis.Summary);
        }

        [Fact]
        public void ConditionalAccessUnavailable_ButSecurityDefaultsOn_CannotMatter()
        {
            var tenant = new TenantBuilder()
                .SecurityDefaults(SecurityDefaults.On)
                .ConditionalAccess(ConditionalAccessEvidence.Unavailable(new EvidenceGap("Permission denied.", "Policy.Read.All")));

            Assert.Equal(Verdict.Ready, Diagnose.Run(tenant, new UserBuilder()).Verdict);
        }

        [Fact]
        public void ConditionalAccessUnavailable_UserHasNoMfaMethod_TheFailureStillShows()
        {
            var tenant = new TenantBuilder().ConditionalAccess(ConditionalAccessEvidence.Unavailable(new EvidenceGap("Permission denied.", "Policy.Read.All")));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal("NoMfaCapableMethod", diagnosis.ReasonCode);
        }
    }
}
