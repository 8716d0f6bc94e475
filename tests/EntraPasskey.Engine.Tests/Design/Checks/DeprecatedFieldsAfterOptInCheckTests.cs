using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class DeprecatedFieldsAfterOptInCheckTests
    {
        private readonly DeprecatedFieldsAfterOptInCheck _check = new DeprecatedFieldsAfterOptInCheck();

        [Fact]
        public void TenantWideAttestationStillOnAfterOptIn_Fails()
        {
            var tenant = Profiles.Tenant(Profiles.Open()).Legacy(isAttestationEnforced: true, KeyRestrictions.None).Build();

            Assert.Contains("isAttestationEnforced", _check.Evaluate(DesignInputs.For(tenant))!.Evidence["deprecatedSettings"]);
        }

        [Fact]
        public void TenantWideKeyRestrictionsAfterOptIn_Fail()
        {
            var tenant = Profiles.Tenant(Profiles.Open()).Legacy(false, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc)).Build();

            Assert.Contains("keyRestrictions", _check.Evaluate(DesignInputs.For(tenant))!.Evidence["deprecatedSettings"]);
        }

        [Fact]
        public void TheSameFieldsBeforeOptIn_StillDecide_AndPass()
        {
            var tenant = new TenantBuilder().Legacy(isAttestationEnforced: true, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc)).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(tenant)));
        }
    }
}
