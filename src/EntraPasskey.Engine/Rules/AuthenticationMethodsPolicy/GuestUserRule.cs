using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>Guests, including B2B collaboration users whose userType is Member, cannot register passkeys in the resource tenant.</summary>
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
                $"{user.Name} is {what}; guests cannot register passkeys in this tenant.",
                "The person registers passkeys with their home organisation. If they should be an employee here, give them a member account.",
                Facts.Of(("userType", user.UserType), ("externalUserState", user.ExternalUserState), ("creationType", user.CreationType)));
        }
    }
}
