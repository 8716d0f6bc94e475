using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// The user's recent sign-ins as the gathering code found them (newest first), or why the logs could not be read.
    /// Rules read this and never call Graph, so how sign-ins are fetched can change without touching them.
    /// </summary>
    public sealed class SignInHistory
    {
        private SignInHistory(IReadOnlyList<SignInRecord> signIns, DateTimeOffset? since, EvidenceGap? gap)
        {
            SignIns = signIns;
            Since = since;
            Gap = gap;
        }

        /// <summary>Used until the logs are read: nothing is assumed about them.</summary>
        public static SignInHistory NotRead { get; } = Unavailable(new EvidenceGap("Sign-in logs were not read.", null));

        /// <summary>Newest first.</summary>
        public IReadOnlyList<SignInRecord> SignIns { get; }

        /// <summary>Start of the window that was searched.</summary>
        public DateTimeOffset? Since { get; }

        /// <summary>Null when the logs were read.</summary>
        public EvidenceGap? Gap { get; }

        /// <summary>The newest sign-in that used a passkey, whether it succeeded or not; null when none in the window.</summary>
        public SignInRecord? LatestWithPasskey => SignIns.FirstOrDefault(s => s.UsedPasskey);

        /// <summary>
        /// Keeps only what the checks read: the newest sign-in, the newest that completed MFA, the newest that names
        /// an operating system, and the newest that used a passkey. Whether the logs came one user at a time or for the whole run, the same sign-ins
        /// give the same history, so bulk and one-by-one diagnoses agree, and memory stays small per user.
        /// </summary>
        public static SignInHistory Read(IEnumerable<SignInRecord> signIns, DateTimeOffset since)
        {
            var newestFirst = signIns.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            var kept = new[]
                {
                    newestFirst.FirstOrDefault(),
                    newestFirst.FirstOrDefault(s => s.CompletedMfa != null),
                    newestFirst.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.OperatingSystem)),
                    newestFirst.FirstOrDefault(s => s.UsedPasskey),
                }
                .Where(s => s != null)
                .Select(s => s!)
                .Distinct()
                .OrderByDescending(s => s.CreatedAt)
                .ThenBy(s => s.Id, StringComparer.Ordinal)
                .ToList();
            return new SignInHistory(kept, since, null);
        }

        public static SignInHistory Unavailable(EvidenceGap gap) =>
            new SignInHistory(Array.Empty<SignInRecord>(), null, gap);
    }
}
