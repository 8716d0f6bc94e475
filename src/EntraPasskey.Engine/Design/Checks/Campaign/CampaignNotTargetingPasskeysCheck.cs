using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Campaign
{
    /// <summary>
    /// No registration campaign nudges users to register a passkey: it is disabled, or enabled for Microsoft
    /// Authenticator. A passkey campaign prompts users after their next MFA sign-in, which is how most of them get a
    /// passkey before they need one. Microsoft managed state picks passkeys itself when users are enabled for them
    /// (CampaignPasskeyConditionsUnmet judges whether they are eligible).
    /// </summary>
    public sealed class CampaignNotTargetingPasskeysCheck : IDesignCheck
    {
        public string Id => "CampaignNotTargetingPasskeys";

        public string Title => "The registration campaign nudges users to passkeys";

        public DesignSeverity Severity => DesignSeverity.Low;

        public Uri Documentation => DesignDocs.RegistrationCampaign;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var campaign = input.Campaign;
            if (campaign == null || campaign.State == CampaignState.MicrosoftManaged)
            {
                return null;
            }

            if (campaign.State == CampaignState.Unrecognised)
            {
                return DesignOutcome.Unknown(
                    "The registration campaign's state is one this version cannot read.",
                    "Check Entra ID > Authentication methods > Registration campaign in the admin center.");
            }

            var passkeyTargets = campaign.IncludeTargets.Where(t => string.Equals(t.TargetedMethod, RegistrationCampaign.Fido2Method, StringComparison.OrdinalIgnoreCase)).ToList();
            if (campaign.State == CampaignState.Enabled && passkeyTargets.Count > 0)
            {
                return null;
            }

            var methods = string.Join(", ", campaign.IncludeTargets.Select(t => t.TargetedMethod ?? "none").Distinct());
            return DesignOutcome.Fail(
                campaign.State == CampaignState.Disabled
                    ? "The registration campaign is disabled: nobody is prompted to register a passkey after signing in."
                    : $"The registration campaign nudges users to {methods}, not to passkeys.",
                "Set the registration campaign to Enabled with Passkey (FIDO2) as the method (or Microsoft managed), for all users or your passkey audience.",
                Facts.Of(("campaignState", campaign.State.ToString()), ("targetedMethods", methods.Length == 0 ? "none" : methods)),
                input.Sizes.Of(campaign.IncludeTargets.Select(t => t.Target), input.Tenant));
        }
    }
}
