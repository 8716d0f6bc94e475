using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, LegacyAttestationEnforced (LegacyAttestationRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class LegacyAttestationRuleTests
    {
        [Fact]
        public void LegacyAttestationEnforced_NotOptedInAndANeverAttestedPasskey_Blocks()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().Legacy(true, KeyRestrictions.None), new UserBuilder(), Aaguids.ChromeOnMac);

            RuleAssert.Blocked(diagnosis, 2, "LegacyAttestationEnforced");
        }

        [Fact]
        public void LegacyAttestationEnforced_AttestationOff_IsReady()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().Legacy(false, KeyRestrictions.None), new UserBuilder(), Aaguids.ChromeOnMac);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
