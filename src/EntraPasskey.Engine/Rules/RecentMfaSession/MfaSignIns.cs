using System;
using System.Globalization;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.RecentMfaSession
{
    /// <summary>
    /// Finds when the user last completed MFA, from their sign-ins: the newest successful interactive sign-in whose
    /// requirement was multiFactorAuthentication and whose steps did the MFA then, not "Previously satisfied" or by
    /// a claim in an earlier token (that MFA happened before the sign-in, at a time the logs do not give).
    /// </summary>
    public static class MfaSignIns
    {
        /// <summary>Security info asks for MFA within the last five minutes before a passkey is added (graph-facts §9.1).</summary>
        public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

        public static LastMfa? Latest(SignInHistory history)
        {
            foreach (var signIn in history.SignIns)
            {
                if (!signIn.IsInteractive || !signIn.Succeeded
                    || !string.Equals(signIn.AuthenticationRequirement, "multiFactorAuthentication", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var performed = signIn.Steps.Where(s => s.Succeeded && !IsCarriedOver(s.Method)).ToList();
                if (signIn.Steps.Count > 0 && performed.Count == 0)
                {
                    continue;
                }

                var at = performed.Where(s => s.At.HasValue).Select(s => s.At!.Value).DefaultIfEmpty(signIn.CreatedAt).Max();
                var method = performed.LastOrDefault(s => string.Equals(s.Requirement, "MFA", StringComparison.OrdinalIgnoreCase))?.Method
                    ?? performed.LastOrDefault()?.Method;
                return new LastMfa(signIn, at, method);
            }

            return null;
        }

        public static string Format(DateTimeOffset time) =>
            time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

        private static bool IsCarriedOver(string? method) =>
            method != null
            && (method.IndexOf("previously satisfied", StringComparison.OrdinalIgnoreCase) >= 0
                || method.IndexOf("claim in", StringComparison.OrdinalIgnoreCase) >= 0
                || method.IndexOf("satisfied by token", StringComparison.OrdinalIgnoreCase) >= 0);
    }

    /// <summary>The sign-in in which the user last completed MFA, when, and with what.</summary>
    public sealed record LastMfa(SignInRecord SignIn, DateTimeOffset At, string? Method);
}
