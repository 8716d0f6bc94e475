using System.Linq;
using EntraPasskey.Engine.Bootstrap;

namespace EntraPasskey.Engine.Removal
{
    /// <summary>What the help desk tells a user whose passkey was just removed.</summary>
    public static class RemovalNextSteps
    {
        public static string For(RemovalPlan plan, bool sessionsRevoked)
        {
            var name = plan.User.Name;
            var replace = plan.RemainingMfa.Count > 0
                ? $"{name} signs in at {TapNextSteps.SecurityInfoUrl} with {plan.RemainingMfaNames.First()} and registers a replacement passkey (and a backup)."
                : $"{name} has no method left that completes multifactor authentication: issue a Temporary Access Pass (pipe this result to New-PasskeyBootstrapTap), with which they sign in at {TapNextSteps.SecurityInfoUrl} and register a replacement passkey and a backup.";
            var sessions = sessionsRevoked
                ? " Their sign-in sessions were revoked: every app asks them to sign in again (it can take a few minutes)."
                : " If the device or key may be in someone else's hands, also revoke their sign-in sessions (-RevokeSessions).";
            return "The passkey can no longer sign in. " + replace + sessions;
        }
    }
}
