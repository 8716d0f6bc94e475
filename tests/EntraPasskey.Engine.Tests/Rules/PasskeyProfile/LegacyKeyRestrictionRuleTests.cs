using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, LegacyKeyRestrictionRejects (LegacyKeyRestrictionRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class LegacyKeyRestrictionRuleTests
    {
        [Fact]
        public void LegacyKeyRestrictionRejects_NotOptedInAndOffTheTenantWideAllowList_Blocks()
        {
            var tenant = new TenantBuilder().Legacy(false, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder(), Aaguids.FeitianEpass);

            RuleAssert.Blocked(diagnosis, 2, "LegacyKeyRestrictionRejects");
            Assert.Equal("tenant-wide settings (legacy)", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["rejectedBy"]);
        }

        [Fact]
        public void LegacyKeyRestrictionRejects_TheSameFieldsAfterOptIn_AreIgnored()
        {
            var tenant = Profiles.Tenant(Profiles.Open()).Legacy(true, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder(), Aaguids.FeitianEpass);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
