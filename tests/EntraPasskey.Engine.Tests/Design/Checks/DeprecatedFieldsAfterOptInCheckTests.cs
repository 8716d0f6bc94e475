using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    /// <summary>
    /// Until 14 October 2027 Graph keeps the deprecated fields in sync with the Default passkey profile (MC1188230):
    /// a mirror is expected, a difference is the departure.
    /// </summary>
    public sealed class DeprecatedFieldsAfterOptInCheckTests
    {
        private readonly DeprecatedFieldsAfterOptInCheck _check = new DeprecatedFieldsAfterOptInCheck();

        [Fact]
        public void TenantWideAttestationOn_WhileTheDefaultProfileDoesNotEnforceIt_Fails()
        {
            var tenant = Profiles.Tenant(Profiles.Open()).Legacy(isAttestationEnforced: true, KeyRestrictions.None).Build();

            var outcome = _check.Evaluate(DesignInputs.For(tenant))!;

            Assert.Equal("isAttestationEnforced is true", outcome.Evidence["deprecatedSettings"]);
            Assert.Contains("passkey profile 'Default passkey profile' they mirror says otherwise", outcome.Problem);
        }

        [Fact]
        public void TenantWideAttestationOn_MirroringTheDefaultProfile_Passes()
        {
            var tenant = Profiles.Tenant(Profiles.Attested).Legacy(isAttestationEnforced: true, KeyRestrictions.None).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(tenant)));
        }

        [Fact]
        public void TenantWideKeyRestrictions_WhileTheDefaultProfileHasNone_Fail()
        {
            var tenant = Profiles.Tenant(Profiles.Open()).Legacy(false, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc)).Build();

            Assert.Contains("keyRestrictions is enforced", _check.Evaluate(DesignInputs.For(tenant))!.Evidence["deprecatedSettings"]);
        }

        [Fact]
        public void TenantWideKeyRestrictions_MirroringTheDefaultProfileInAnotherOrder_Pass()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Default passkey profile", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc, Aaguids.AuthenticatorIos));
            var tenant = Profiles.Tenant(profile).Legacy(false, KeyRestrictions.Allow(Aaguids.AuthenticatorIos, Aaguids.YubiKey5Nfc)).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(tenant)));
        }

        [Fact]
        public void TheSameAaguidsInTheOtherMode_Fail()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Default passkey profile", restrictions: KeyRestrictions.Allow(Aaguids.FeitianEpass));
            var tenant = Profiles.Tenant(profile).Legacy(false, KeyRestrictions.Block(Aaguids.FeitianEpass)).Build();

            Assert.NotNull(_check.Evaluate(DesignInputs.For(tenant)));
        }

        [Fact]
        public void TenantWideRestrictionsOff_WhileTheDefaultProfileEnforcesAList_Fail()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Default passkey profile", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));
            var tenant = Profiles.Tenant(profile).Build();

            Assert.Equal("keyRestrictions is not enforced", _check.Evaluate(DesignInputs.For(tenant))!.Evidence["deprecatedSettings"]);
        }

        [Fact]
        public void ADefaultProfileThatCannotBeFound_FlagsAnyValueSet()
        {
            var tenant = Profiles.Tenant(Profiles.Open()).DefaultProfile("00000000-0000-0000-0000-00000000dead").Legacy(isAttestationEnforced: true, KeyRestrictions.None).Build();

            Assert.Contains("no Default passkey profile could be read", _check.Evaluate(DesignInputs.For(tenant))!.Problem);
        }

        [Fact]
        public void TheSameFieldsBeforeOptIn_StillDecide_AndPass()
        {
            var tenant = new TenantBuilder().Legacy(isAttestationEnforced: true, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc)).Build();

            Assert.Null(_check.Evaluate(DesignInputs.For(tenant)));
        }
    }
}
