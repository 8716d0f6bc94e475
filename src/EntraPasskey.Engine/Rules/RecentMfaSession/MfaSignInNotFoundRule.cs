using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.RecentMfaSession
{
    /// <summary>
    /// The logs were read but hold no interactive sign-in in which the user completed MFA. Advice, never a Fail and not
    /// a Warn: logs lag, and the user simply signs in with MFA right before registering, an instruction for that
    /// moment with nothing to fix beforehand, so it leaves a user Ready.
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
            var readFor = history.Since == null ? null : Facts.ReadFor(input.Now - history.Since.Value);
            var found = latest == null ? "no interactive sign-ins at all" : $"latest sign-in {Facts.Time(latest.CreatedAt)}: {latest.AuthenticationRequirement ?? "requirement not logged"}{(latest.Succeeded ? string.Empty : ", failed")}";
            return RuleOutcome.Advice(
                Code,
                $"Just before adding the passkey, {input.User.Name} should sign out and sign in again with MFA: the sign-in logs show no interactive sign-in with MFA {since}"
                    + (readFor == null ? $" ({found})" : $" (sign-ins read for {readFor}; {found})")
                    + ", and Security info asks for MFA within the last 5 minutes.",
                "Have the user sign out and sign in again with MFA right before adding the passkey. Sign-in logs lag by minutes, so a very recent sign-in may not show yet.",
                Facts.Of(
                    ("searchedSince", history.Since == null ? null : Facts.Time(history.Since.Value)),
                    ("signInsReadFor", readFor),
                    ("latestSignIn", latest == null ? "none" : Facts.Time(latest.CreatedAt)),
                    ("latestRequirement", latest?.AuthenticationRequirement)));
        }
    }
}
