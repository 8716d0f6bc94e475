using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInConditionalAccessUnreadable: not knowing the policies is never reported as usable.</summary>
    public sealed class SignInConditionalAccessUnreadableRuleTests
    {
        private static readonly ConditionalAccessEvidence NotReadable =
            ConditionalAccessEvidence.Unavailable(new EvidenceGap("Permission denied to read the Conditional Access policies.", "Policy.Read.All", Lasting: true));

        [Fact]
        public void SignInConditionalAccessUnreadable_ThePoliciesCouldNotBeRead_IsUnknownNamingThePermission()
        {
            var diagnosis = SignInCases.YubiKeyUser(new TenantBuilder().ConditionalAccess(NotReadable));

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("SignInConditionalAccessUnreadable", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("Policy.Read.All", SignInCheck.Only(diagnosis).Evidence["missingPermission"]);
            Assert.Contains("Grant Policy.Read.All", SignInCheck.Only(diagnosis).Remediation);
        }

        [Fact]
        public void SignInConditionalAccessUnreadable_WithSecurityDefaultsOn_NoPolicyCouldApply()
        {
            var diagnosis = SignInCases.YubiKeyUser(new TenantBuilder().ConditionalAccess(NotReadable).SecurityDefaults(SecurityDefaults.On));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInConditionalAccessUnreadable_AFactThatFailsThePasskey_StillDecides()
        {
            var diagnosis = SignInCheck.Run(new TenantBuilder().ConditionalAccess(NotReadable).Fido2Disabled(), SignInCheck.User(UserBuilder.Passkey()));

            SignInCheck.Blocked(diagnosis, "SignInMethodDisabled");
        }
    }
}
