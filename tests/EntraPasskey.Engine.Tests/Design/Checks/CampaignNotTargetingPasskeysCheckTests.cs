using System;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Design.Checks.Campaign;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class CampaignNotTargetingPasskeysCheckTests
    {
        private readonly CampaignNotTargetingPasskeysCheck _check = new CampaignNotTargetingPasskeysCheck();

        [Fact]
        public void EnabledForAuthenticator_Fails_ForItsUsers()
        {
            var outcome = _check.Evaluate(Input(Campaign(CampaignState.Enabled, "microsoftAuthenticator")));

            Assert.Equal("microsoftAuthenticator", outcome!.Evidence["targetedMethods"]);
            Assert.Equal(100, outcome.Affected!.Users);
        }

        [Fact]
        public void Disabled_Fails()
        {
            Assert.Equal(FindingStatus.Fail, _check.Evaluate(Input(Campaign(CampaignState.Disabled, "microsoftAuthenticator")))!.Status);
        }

        [Fact]
        public void EnabledForPasskeys_Passes()
        {
            Assert.Null(_check.Evaluate(Input(Campaign(CampaignState.Enabled, "fido2"))));
        }

        [Fact]
        public void MicrosoftManaged_ChoosesForItself()
        {
            Assert.Null(_check.Evaluate(Input(Campaign(CampaignState.MicrosoftManaged, "microsoftAuthenticator"))));
        }

        internal static RegistrationCampaign Campaign(CampaignState state, string method) =>
            new RegistrationCampaign(state, new[] { new CampaignTarget(PolicyTarget.AllUsers(), method) }, Array.Empty<PolicyTarget>(), 1);

        private static DesignInput Input(RegistrationCampaign campaign) =>
            new DesignInput(new TenantBuilder().Build(), DesignInputs.Now) { Sizes = DesignInputs.Sizes(), Campaign = campaign };
    }
}
