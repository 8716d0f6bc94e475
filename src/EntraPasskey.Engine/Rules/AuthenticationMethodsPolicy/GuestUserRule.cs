using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>
    /// Guests, including B2B collaboration users whose userType is Member, cannot register passkeys in the resource
    /// tenant (entra-docs how-to-authentication-passkey-profiles.md, 2026-03). Microsoft plans passkeys for B2B and
    /// internal guests by the end of 2026 (concept-sms-voice-retirement.md, 2026-06), so the message says what holds
    /// today rather than that it always will; when support ships this rule must follow the documentation.
    /// </summary>
    public sealed class GuestUserRule : ILayerRule
    {
        public const string Code = "GuestUser";

        public PasskeyLayer Layer => PasskeyLayer.AuthenticationMethodsPolicy;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var user = input.User;
            if (!user.IsGuest)
            {
                return null;
            }

            var what = string.Equals(user.UserType, "Guest", StringComparison.OrdinalIgnoreCase) ? "a guest (userType Guest)" : $"an external B2B collaboration user (externalUserState {user.ExternalUserState})";
            return RuleOutcome.Fail(
                Code,
                $"{user.Name} is {what}; Microsoft Entra ID does not yet let guests register passkeys in the tenant that invited them (Microsoft has announced support for B2B and internal guests for the end of 2026).",
                "Until guests can register passkeys here, the person uses a passkey with their home organisation. If they should be an employee here, give them a member account.",
                Facts.Of(("userType", user.UserType), ("externalUserState", user.ExternalUserState), ("creationType", user.CreationType)),
                headline: $"{user.Name} is a guest here, and Microsoft Entra ID does not yet let guests register passkeys in the tenant that invited them.");
        }
    }
}
