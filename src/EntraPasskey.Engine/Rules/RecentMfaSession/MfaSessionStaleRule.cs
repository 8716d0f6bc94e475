using System.Collections.Generic;
using System.Globalization;

namespace EntraPasskey.Engine.Rules.RecentMfaSession
{
    /// <summary>
    /// The user's latest MFA is older than the 5 minutes Security info allows: a Warn, never a Fail (logs lag and need
    /// P1/P2, and the user just signs in again; graph-facts §12.2). Within 5 minutes it passes with the evidence.
    /// </summary>
    public sealed class MfaSessionStaleRule : ILayerRule
    {
        public const string Code = "MfaSessionStale";

        public PasskeyLayer Layer => PasskeyLayer.RecentMfaSession;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var latest = input.User.SignIns.Gap == null ? MfaSignIns.Latest(input.User.SignIns) : null;
            if (latest == null)
            {
                return null;
            }

            var age = input.Now - latest.At;
            var evidence = Facts.Of(
                ("lastMfaAt", Facts.Time(latest.At)),
                ("lastMfaMethod", latest.Method),
                ("lastMfaApp", latest.SignIn.AppDisplayName),
                ("minutesAgo", ((int)age.TotalMinutes).ToString(CultureInfo.InvariantCulture)));
            if (age <= MfaSignIns.Freshness)
            {
                return RuleOutcome.Pass(evidence);
            }

            return RuleOutcome.Warn(
                Code,
                $"{input.User.Name} last completed MFA at {Facts.Time(latest.At)} ({Ago(age)}); Security info asks for MFA within the last 5 minutes before a passkey can be added.",
                "Have the user sign out and sign in again with MFA, then add the passkey straight away. If they did so in the last few minutes, the logs may not show it yet.",
                evidence);
        }

        /// <summary>Sign-ins are read for one day (<c>SignInReader.Window</c>), so hours are the largest unit needed.</summary>
        private static string Ago(System.TimeSpan age) =>
            age.TotalMinutes >= 120 ? $"{(int)age.TotalHours} hours ago" : $"{(int)age.TotalMinutes} minutes ago";
    }
}
