using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>Whether issuing a Temporary Access Pass now would give the user a usable bootstrap method.</summary>
    public static class TapBootstrap
    {
        /// <summary>
        /// Null when a new pass would be usable (TAP enabled, the user targeted and not excluded, and the strength,
        /// if any, accepts the kind of pass the policy issues); otherwise why not.
        /// </summary>
        public static string? WhyNot(TenantSnapshot tenant, UserEvidence user, AuthenticationStrength? strength = null)
        {
            var tap = tenant.Tap;
            if (tap == null || !tap.Enabled)
            {
                return "the Temporary Access Pass method is disabled";
            }

            if (!Targeting.IsAllowed(tap, user))
            {
                return $"{user.Name} is not in the Temporary Access Pass policy's targets";
            }

            if (strength == null)
            {
                return null;
            }

            var oneTime = AcceptsOnly(strength, AuthenticationModes.TemporaryAccessPassOneTime);
            var multiUse = AcceptsOnly(strength, AuthenticationModes.TemporaryAccessPassMultiUse);
            if (oneTime || (multiUse && !tap.IsUsableOnce))
            {
                return null;
            }

            return multiUse
                ? $"the strength '{strength.DisplayName}' accepts only multi-use passes, and the TAP policy issues one-time passes"
                : $"the strength '{strength.DisplayName}' does not accept a Temporary Access Pass";
        }

        /// <summary>A pass signs in on its own, so only a combination made of that mode alone accepts it.</summary>
        private static bool AcceptsOnly(AuthenticationStrength strength, string mode) =>
            strength.AllowedCombinations.Any(c => c.Count > 0 && c.All(m => string.Equals(m, mode, System.StringComparison.OrdinalIgnoreCase)));
    }
}
