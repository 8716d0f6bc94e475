using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Removal
{
    /// <summary>
    /// A removal cleared to go ahead for one user: which passkey, what the user can still complete MFA with after it,
    /// whether sessions are revoked too, and the ShouldProcess text. Nothing has been written yet.
    /// </summary>
    public sealed class RemovalPlan
    {
        internal RemovalPlan(string input, UserEvidence user, RegisteredMethod passkey, IReadOnlyList<RegisteredMethod> remainingMfa, bool revokeSessions, bool removesLastMfaMethod)
        {
            Input = input;
            User = user;
            Passkey = passkey;
            RemainingMfa = remainingMfa;
            RevokeSessions = revokeSessions;
            RemovesLastMfaMethod = removesLastMfaMethod;
        }

        /// <summary>The user as the caller gave it.</summary>
        public string Input { get; }

        public string UserPrincipalName => User.UserPrincipalName;

        /// <summary>ShouldProcess's action: the passkey in words, and what else happens.</summary>
        public string Action =>
            $"Remove passkey {PasskeySelection.Describe(Passkey)}"
            + (RemovesLastMfaMethod ? ", the user's last method that can complete multifactor authentication" : string.Empty)
            + (RevokeSessions ? ", and revoke the user's sign-in sessions" : string.Empty);

        internal UserEvidence User { get; }

        internal RegisteredMethod Passkey { get; }

        internal IReadOnlyList<RegisteredMethod> RemainingMfa { get; }

        internal bool RevokeSessions { get; }

        /// <summary>Only with -Force: nothing would be left to complete MFA with.</summary>
        internal bool RemovesLastMfaMethod { get; }

        internal IEnumerable<string> RemainingMfaNames => RemainingMfa.Select(m => m.Describe());
    }
}
