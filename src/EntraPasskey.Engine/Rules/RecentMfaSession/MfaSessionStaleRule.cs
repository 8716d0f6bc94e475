using System.Collections.Generic;
using System.Globalization;

namespace EntraPasskey.Engine.Rules.RecentMfaSession
{
    /// <summary>
    /// The user's latest MFA is older than the 5 minutes Security info allows: Advice, an instruction for the moment of
    /// registration (sign in again just before adding the passkey), never a Fail and not a Warn, because nobody has
    /// anything to fix beforehand: logs lag and need P1/P2, and the user just signs in again (graph-facts §12.2). It
    /// leaves a user Ready. Within 5 minutes it passes with the evidence.
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

            return RuleOutcome.Advice(
                Code,
                $"Just before adding the passkey, {input.User.Name} should sign out and sign in again with MFA: the last MFA was at {Facts.Time(latest.At)} ({Ago(age)}), and Security info asks for one within the last 5 minutes.",
                "Have the user sign out and sign in again with MFA, then add the passkey straight away. If they did so in the last few minutes, the logs may not show it yet.",
                evidence);
        }

        /// <summary>Sign-ins are read for an hour (<c>SignInReader.Window</c>); rules may be given longer histories, so hours are kept.</summary>
        private static string Ago(System.TimeSpan age) =>
            age.TotalMinutes >= 120 ? $"{(int)age.TotalHours} hours ago" : $"{(int)age.TotalMinutes} minutes ago";
    }
}
