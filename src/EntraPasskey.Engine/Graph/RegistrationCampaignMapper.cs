using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>Maps registrationEnforcement.authenticationMethodsRegistrationCampaign onto the engine's evidence.</summary>
    internal static class RegistrationCampaignMapper
    {
        /// <summary>Null when the policy carries no campaign.</summary>
        public static RegistrationCampaign? Map(AuthenticationMethodsPolicy policy)
        {
            var campaign = policy.RegistrationEnforcement?.AuthenticationMethodsRegistrationCampaign;
            if (campaign == null)
            {
                return null;
            }

            var include = (campaign.IncludeTargets ?? new List<AuthenticationMethodsRegistrationCampaignIncludeTarget>())
                .Where(t => !string.IsNullOrEmpty(t.Id))
                .Select(t => new CampaignTarget(Target(t.Id!, t.TargetType), string.IsNullOrEmpty(t.TargetedAuthenticationMethod) ? null : t.TargetedAuthenticationMethod))
                .ToList();
            var exclude = (campaign.ExcludeTargets ?? new List<ExcludeTarget>())
                .Where(t => !string.IsNullOrEmpty(t.Id))
                .Select(t => Target(t.Id!, t.TargetType))
                .ToList();
            return new RegistrationCampaign(State(campaign.State), include, exclude, campaign.SnoozeDurationInDays);
        }

        private static CampaignState State(AdvancedConfigState? state)
        {
            switch (state)
            {
                case AdvancedConfigState.Default: return CampaignState.MicrosoftManaged;
                case AdvancedConfigState.Enabled: return CampaignState.Enabled;
                case AdvancedConfigState.Disabled: return CampaignState.Disabled;
                default: return CampaignState.Unrecognised;
            }
        }

        private static PolicyTarget Target(string id, AuthenticationMethodTargetType? type) =>
            type == AuthenticationMethodTargetType.User ? PolicyTarget.User(id) : PolicyTarget.Group(id);
    }
}
