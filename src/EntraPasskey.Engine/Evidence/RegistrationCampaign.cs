using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// The registration campaign (registrationEnforcement.authenticationMethodsRegistrationCampaign of the
    /// authentication methods policy): who is nudged after MFA to register which method. State "default" is what the
    /// admin center calls Microsoft managed.
    /// </summary>
    public sealed record RegistrationCampaign(
        CampaignState State,
        IReadOnlyList<CampaignTarget> IncludeTargets,
        IReadOnlyList<PolicyTarget> ExcludeTargets,
        int? SnoozeDurationInDays)
    {
        /// <summary>Graph's targetedAuthenticationMethod for a passkey campaign.</summary>
        public const string Fido2Method = "fido2";

        public static readonly RegistrationCampaign Disabled =
            new RegistrationCampaign(CampaignState.Disabled, Array.Empty<CampaignTarget>(), Array.Empty<PolicyTarget>(), null);
    }

    /// <summary>One include target of the campaign and the method it nudges its users to register (microsoftAuthenticator, fido2).</summary>
    public sealed record CampaignTarget(PolicyTarget Target, string? TargetedMethod);

    public enum CampaignState
    {
        /// <summary>"default": Microsoft managed.</summary>
        MicrosoftManaged,
        Enabled,
        Disabled,
        /// <summary>Missing, or a value this version cannot read.</summary>
        Unrecognised,
    }
}
