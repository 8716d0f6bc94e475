using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>Every user's sign-in history for one window, read once for a bulk run, or why it could not be read.</summary>
    public sealed class SignInWindow
    {
        private readonly IReadOnlyDictionary<string, SignInHistory> _byUserId;

        private SignInWindow(IReadOnlyDictionary<string, SignInHistory> byUserId, DateTimeOffset? since, int pages, EvidenceGap? gap)
        {
            _byUserId = byUserId;
            Since = since;
            Pages = pages;
            Gap = gap;
        }

        public DateTimeOffset? Since { get; }

        /// <summary>How many pages the read took (each one request on the reports budget).</summary>
        public int Pages { get; }

        public EvidenceGap? Gap { get; }

        public static SignInWindow Read(IReadOnlyDictionary<string, SignInHistory> byUserId, DateTimeOffset since, int pages) =>
            new SignInWindow(byUserId, since, pages, null);

        public static SignInWindow Unavailable(EvidenceGap gap) =>
            new SignInWindow(new Dictionary<string, SignInHistory>(), null, 0, gap);

        /// <summary>The user's history; a user with no sign-in in the window has an empty one, not a gap.</summary>
        public SignInHistory For(string userId)
        {
            if (Gap != null)
            {
                return SignInHistory.Unavailable(Gap);
            }

            return _byUserId.TryGetValue(userId, out var history) ? history : SignInHistory.Read(Array.Empty<SignInRecord>(), Since!.Value);
        }
    }
}
