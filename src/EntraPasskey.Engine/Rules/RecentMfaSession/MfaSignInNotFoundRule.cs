using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.RecentMfaSession
{
    /// <summary>
    /// The logs were read but hold no interactive sign-in in which the user completed MFA. A Warn, never a Fail:
    /// logs lag, and the user can simply sign in with MFA right before registering.
    /// </summary>
    public sealed class MfaSignInNotFoundRule : ILayerRule
    {
        public const string Code = "MfaSignInNotFound";

        public PasskeyLayer Layer => PasskeyLayer.RecentMfaSession;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var history = input.User.SignIns;
            if (history.Gap != null || MfaSignIns.Latest(history) != null)
            {
                return null;
            }

            var latest = history.SignIns.FirstOrDefault();
            var since = history.Since == null ? "recently" : "since " + Facts.Time(history.Since.Value);
            return RuleOutcome.Warn(
                Code,
                $"The sign-in logs show no interactive sign-in in which {input.User.Name} completed MFA {since}"
                    + (latest == null ? " (no interactive sign-ins at all)." : $" (latest sign-in {Facts.Time(latest.CreatedAt)}: {latest.AuthenticationRequirement ?? "requirement not logged"}{(latest.Succeeded ? string.Empty : ", failed")}).")
                    + " Security info asks for MFA within the last 5 minutes before a passkey can be added.",
                "Have the user sign out and sign in again with MFA right before adding the passkey. Sign-in logs lag by minutes, so a very recent sign-in may not show yet.",
                Facts.Of(
                    ("searchedSince", history.Since == null ? null : Facts.Time(history.Since.Value)),
                    ("latestSignIn", latest == null ? "none" : Facts.Time(latest.CreatedAt)),
                    ("latestRequirement", latest?.AuthenticationRequirement)));
        }
    }
}
