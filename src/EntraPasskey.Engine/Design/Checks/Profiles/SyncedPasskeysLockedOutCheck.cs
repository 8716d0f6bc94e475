using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// Users hold synced passkeys that their passkey profiles no longer admit. Turning synced off in a profile stops
    /// already-registered synced passkeys from signing in; the 2026 automatic migration to profiles set passkeyTypes to
    /// device-bound for tenants that enforced attestation, so users who relied on iCloud Keychain or Google Password
    /// Manager can find their passkey rejected. Judged only where the data shows it: holders come from the
    /// registration report, each read in full and judged by the diagnosis' own sign-in test (PasskeySignIn).
    /// </summary>
    public sealed class SyncedPasskeysLockedOutCheck : IDesignCheck
    {
        private const int Named = 10;

        public string Id => "SyncedPasskeysLockedOut";

        public string Title => "Registered synced passkeys are still admitted by their profiles";

        public DesignSeverity Severity => DesignSeverity.High;

        public Uri Documentation => DesignDocs.SyncedPasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var holders = input.SyncedPasskeys;
            if (holders.Gap is { } gap)
            {
                return DesignOutcome.Unreadable(
                    "Whether users' synced passkeys are still admitted could not be judged", gap,
                    "(the registration report also needs Microsoft Entra ID P1 or P2)",
                    "The registration report needs Microsoft Entra ID P1 or P2 and AuditLog.Read.All; reading the holders needs UserAuthenticationMethod.Read.All and GroupMember.Read.All.");
            }

            var lockedOut = new List<(UserEvidence User, string Why)>();
            foreach (var user in holders.Users)
            {
                var diagnosis = new DiagnosisInput(input.Tenant, user, AttemptHints.None, input.Now) { Authenticators = input.Authenticators };
                var why = user.Methods
                    .Where(m => m.Kind == MethodKind.Fido2 && IsSynced(m, input))
                    .Select(m => PasskeySignIn.Rejection(m, diagnosis))
                    .FirstOrDefault(r => r != null);
                if (why != null)
                {
                    lockedOut.Add((user, why));
                }
            }

            if (lockedOut.Count == 0)
            {
                return null;
            }

            var names = string.Join(", ", lockedOut.Take(Named).Select(l => l.User.UserPrincipalName)) + (lockedOut.Count > Named ? ", ..." : string.Empty);
            var partial = holders.Users.Count < holders.Listed ? $" (of the first {holders.Users.Count} of {holders.Listed} holders read)" : string.Empty;
            return DesignOutcome.Fail(
                $"{lockedOut.Count} user(s){partial} hold synced passkeys their passkey profiles no longer admit, so those passkeys cannot sign in: {names}. For example: {lockedOut[0].Why}.",
                "Add the synced passkey type back to the profiles of users who rely on synced passkeys (or move them to a profile that admits synced), or have them register a device-bound passkey before removing synced.",
                Facts.Of(("lockedOutUsers", names), ("syncedPasskeyHolders", holders.Listed.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                new Audience(lockedOut.Count, $"users whose registered synced passkeys every profile of theirs rejects{partial}"));
        }

        private static bool IsSynced(RegisteredMethod passkey, DesignInput input) =>
            string.Equals(passkey.PasskeyType, "synced", StringComparison.OrdinalIgnoreCase)
            || passkey.PasskeyType == null && passkey.Aaguid is Guid aaguid && input.Authenticators.Find(aaguid)?.PasskeyType == PasskeyType.Synced;
    }
}
