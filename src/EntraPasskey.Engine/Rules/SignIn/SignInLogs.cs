using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// What the sign-in logs add: the user's newest sign-in with a passkey in the window, and if it failed, its code
    /// and what Microsoft documents it to mean (<see cref="SignInErrorCodes"/>). The logs name no passkey (a passkey
    /// step carries no method id), lag, and need Entra ID P1/P2 and AuditLog.Read.All, so they only ever warn, and
    /// are Unknown when they cannot be read; the verdict never fails on them.
    /// </summary>
    public static class SignInLogs
    {
        public const string FailedCode = "PasskeySignInFailed";
        public const string UnreadableCode = "SignInLogsUnreadable";

        public static IReadOnlyList<string> ReasonCodes { get; } = new[] { FailedCode, UnreadableCode };

        public static SignInLogFinding Assess(DiagnosisInput input)
        {
            var history = input.User.SignIns;
            if (history.Gap != null)
            {
                return new SignInLogFinding(
                    FindingStatus.Unknown, UnreadableCode, null,
                    "The sign-in logs could not be read, so recent failed passkey sign-ins are unknown: " + history.Gap.Why,
                    history.Gap.MissingPermission == null
                        ? "Run the check again later; sign-in logs need Entra ID P1 or P2."
                        : $"Grant {history.Gap.MissingPermission} (with admin consent) and connect again; sign-in logs also need Entra ID P1 or P2.",
                    new FindingEvidence(Facts.Of(("signInLogs", "not read"), ("missingPermission", history.Gap.MissingPermission))));
            }

            var since = Facts.Time(history.Since);
            var span = input.Now - history.Since!.Value;
            var readFor = Facts.ReadFor(span);
            var latest = history.LatestWithPasskey;
            if (latest == null)
            {
                // Only here does the window decide: a passkey sign-in found is the latest whatever the window.
                var tenantRead = span < SignInReader.SignInCheckWindow - TimeSpan.FromHours(1)
                    ? $", as a run over many users reads the tenant's; for this user alone Test-EntraPasskeySignIn reads {Facts.ReadFor(SignInReader.SignInCheckWindow)}"
                    : string.Empty;
                return new SignInLogFinding(
                    FindingStatus.Pass, null, null,
                    $"No interactive sign-in with a passkey since {since} (sign-ins read for {readFor}{tenantRead}).",
                    null,
                    new FindingEvidence(Facts.Of(("since", since), ("signInsReadFor", readFor))));
            }

            var evidence = Facts.Of(
                ("signInId", latest.Id),
                ("at", Facts.Time(latest.CreatedAt)),
                ("app", latest.AppDisplayName),
                ("errorCode", latest.ErrorCode == 0 ? null : latest.ErrorCode.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("failureReason", latest.Succeeded ? null : latest.FailureReason),
                ("since", since),
                ("signInsReadFor", readFor));
            if (latest.Succeeded)
            {
                return new SignInLogFinding(
                    FindingStatus.Pass, null, null,
                    $"The latest sign-in with a passkey succeeded at {Facts.Time(latest.CreatedAt)}{On(latest)}.",
                    null,
                    new FindingEvidence(evidence));
            }

            var meaning = SignInErrorCodes.Of(latest.ErrorCode);
            var why = meaning == null
                ? $"AADSTS{latest.ErrorCode} ({latest.FailureReason ?? "no failure reason logged"}), a code Microsoft documents no passkey meaning for"
                : $"AADSTS{latest.ErrorCode} {meaning.Name}: {meaning.Meaning}";
            evidence["errorName"] = meaning?.Name ?? "not documented";
            return new SignInLogFinding(
                FindingStatus.Warn, FailedCode, meaning?.Owner ?? OwnerQueue.IdentityTeam,
                $"The latest sign-in with a passkey failed at {Facts.Time(latest.CreatedAt)}{On(latest)} with {why}. The logs do not say which passkey was used.",
                meaning?.Remediation ?? "Open the sign-in in the Entra admin center (Monitoring > Sign-in logs) and read its failure reason and Conditional Access tab.",
                new FindingEvidence(evidence));
        }

        private static string On(SignInRecord signIn) => signIn.AppDisplayName == null ? string.Empty : $" (to {signIn.AppDisplayName})";
    }
}
