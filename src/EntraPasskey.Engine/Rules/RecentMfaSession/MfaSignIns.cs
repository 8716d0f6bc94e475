using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.RecentMfaSession
{
    /// <summary>
    /// Finds when the user last completed MFA: the newest sign-in that did the MFA itself
    /// (<see cref="SignInRecord.CompletedMfa"/>).
    /// </summary>
    public static class MfaSignIns
    {
        /// <summary>Security info asks for MFA within the last five minutes before a passkey is added (graph-facts §9.1).</summary>
        public static readonly TimeSpan Freshness = TimeSpan.FromMinutes(5);

        public static LastMfa? Latest(SignInHistory history) =>
            history.SignIns.Where(s => s.CompletedMfa != null).Select(s => new LastMfa(s, s.CompletedMfa!.At, s.CompletedMfa.Method)).FirstOrDefault();
    }

    /// <summary>The sign-in in which the user last completed MFA, when, and with what.</summary>
    public sealed record LastMfa(SignInRecord SignIn, DateTimeOffset At, string? Method);
}
