using System;

namespace EntraPasskey
{
    /// <summary>
    /// Can this user sign in with the passkeys they have? The verdict, the reason and queue that decide it, a line to
    /// read aloud, each passkey with its own finding, and what the sign-in logs add.
    /// </summary>
    public sealed class PasskeySignInDiagnosis
    {
        public PasskeySignInDiagnosis(
            string userPrincipalName,
            string userId,
            string? displayName,
            Verdict verdict,
            OwnerQueue? owner,
            string? reasonCode,
            string summary,
            PasskeySignInCheckCollection passkeys,
            SignInLogFinding signInLogs,
            DateTimeOffset checkedAt)
        {
            UserPrincipalName = userPrincipalName;
            UserId = userId;
            DisplayName = displayName;
            Verdict = verdict;
            Owner = owner;
            ReasonCode = reasonCode;
            Summary = summary;
            Passkeys = passkeys;
            SignInLogs = signInLogs;
            CheckedAt = checkedAt;
        }

        public string UserPrincipalName { get; }

        public string UserId { get; }

        public string? DisplayName { get; }

        /// <summary>
        /// Blocked: no passkey can sign in (or there is none). Unknown: none is known to work and evidence that decides
        /// is missing. AtRisk: one works, and another cannot or a condition or the logs warn. Ready: nothing to act on.
        /// </summary>
        public Verdict Verdict { get; }

        /// <summary>The queue that owns the reason; null when Ready.</summary>
        public OwnerQueue? Owner { get; }

        public string? ReasonCode { get; }

        /// <summary>One line a help desk can read aloud.</summary>
        public string Summary { get; }

        public PasskeySignInCheckCollection Passkeys { get; }

        public SignInLogFinding SignInLogs { get; }

        public DateTimeOffset CheckedAt { get; }

        public override string ToString() => $"{UserPrincipalName}: {Verdict}";
    }
}
