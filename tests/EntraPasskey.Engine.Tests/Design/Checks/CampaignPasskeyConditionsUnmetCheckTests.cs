using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Design.Checks.Campaign;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class CampaignPasskeyConditionsUnmetCheckTests
    {
        private readonly CampaignPasskeyConditionsUnmetCheck _check = new CampaignPasskeyConditionsUnmetCheck();

        [Fact]
        public void PasskeyCampaign_WithSelfServiceOff_Fails()
        {
            var outcome = Evaluate(new TenantBuilder().SelfServiceOff().Build(), CampaignState.Enabled, "fido2");

            Assert.Contains("self-service", outcome!.Evidence["unmet"]);
        }

        [Fact]
        public void PasskeyCampaign_WithPasskeysDisabled_Fails()
        {
            Assert.Contains("disabled", Evaluate(new TenantBuilder().Fido2Disabled().Build(), CampaignState.Enabled, "fido2")!.Evidence["unmet"]);
        }

        [Fact]
        public void MicrosoftManaged_WithOnlyAKeyAllowList_HasNoEligibleProfile()
        {
            var keysOnly = Profiles.Make(Profiles.DefaultId, "Keys only", PasskeyTypes.DeviceBound, AttestationEnforcement.Disabled, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            Assert.Contains("eligible", Evaluate(Profiles.Tenant(keysOnly).Build(), CampaignState.MicrosoftManaged, "fido2")!.Evidence["unmet"]);
        }

        [Fact]
        public void MicrosoftManaged_WithAnAllowListNamingAuthenticator_IsEligible()
        {
            Assert.Null(Evaluate(Profiles.Tenant(Profiles.Privileged()).Build(), CampaignState.MicrosoftManaged, "fido2"));
        }

        [Fact]
        public void Enabled_WithTheSameKeyAllowList_SkipsTheProfileCheck()
        {
            var keysOnly = Profiles.Make(Profiles.DefaultId, "Keys only", PasskeyTypes.DeviceBound, AttestationEnforcement.Disabled, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            Assert.Null(Evaluate(Profiles.Tenant(keysOnly).Build(), CampaignState.Enabled, "fido2"));
        }

        [Fact]
        public void AnAuthenticatorCampaign_IsNotAPasskeyCampaign()
        {
            Assert.Null(Evaluate(new TenantBuilder().SelfServiceOff().Build(), CampaignState.Enabled, "microsoftAuthenticator"));
        }

        private DesignOutcome? Evaluate(TenantSnapshot tenant, CampaignState state, string method) =>
            _check.Evaluate(new DesignInput(tenant, DesignInputs.Now) { Sizes = DesignInputs.Sizes(), Campaign = CampaignNotTargetingPasskeysCheckTests.Campaign(state, method) });
    }
}
