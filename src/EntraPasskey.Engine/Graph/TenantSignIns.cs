using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// The tenant's sign-ins in the window, as far as they have been read: each user's folded to what the layers read,
    /// where the next page is, and from how much of the window the pages so far covered, how many pages the rest
    /// will take. Sign-ins come newest first, so the oldest one read marks how far back the read has got.
    /// </summary>
    internal sealed class TenantSignIns
    {
        private readonly Dictionary<string, SignInDigest> _byUser = new Dictionary<string, SignInDigest>(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _pagesRead = new HashSet<string>(StringComparer.Ordinal);
        private readonly DateTimeOffset _now;
        private DateTimeOffset? _oldest;

        public TenantSignIns(DateTimeOffset now, TimeSpan window, string firstPage)
        {
            _now = now;
            Since = now - window;
            NextPage = firstPage;
        }

        public DateTimeOffset Since { get; }

        /// <summary>The next page to read; null once the last one was read or the read failed.</summary>
        public string? NextPage { get; private set; }

        public int Pages => _pagesRead.Count;

        /// <summary>Why the logs could not be read; null while they can.</summary>
        public EvidenceGap? Gap { get; private set; }

        public bool IsComplete => NextPage == null;

        /// <summary>
        /// Pages still to read, estimated from the pace so far: pages read × (window left ÷ window covered), at least
        /// one while there is a next page. Nothing read yet, or a first page all of one instant, says nothing of the
        /// pace, so the estimate is then as large as it can be; so does a read that failed for a passing reason (a
        /// timeout, a 5xx), where one read per user may still work. A read that failed for good (no permission, no
        /// licence) has nothing left to read: every user gets the same gap.
        /// </summary>
        public int EstimatedPagesLeft
        {
            get
            {
                if (Gap != null)
                {
                    return Gap.Lasting ? 0 : int.MaxValue;
                }

                if (IsComplete)
                {
                    return 0;
                }

                var covered = _oldest.HasValue ? _now - _oldest.Value : TimeSpan.Zero;
                var left = _oldest.HasValue ? _oldest.Value - Since : _now - Since;
                if (covered <= TimeSpan.Zero)
                {
                    return int.MaxValue;
                }

                var estimate = Math.Ceiling(Pages * (left.Ticks / (double)covered.Ticks));
                return (int)Math.Max(1, Math.Min(int.MaxValue, estimate));
            }
        }

        /// <summary>Marks a page read; false when Graph has handed out the same page before.</summary>
        public bool StartPage(string url) => _pagesRead.Add(url);

        public void Add(string userId, SignInRecord record)
        {
            if (!_byUser.TryGetValue(userId, out var digest))
            {
                _byUser[userId] = digest = new SignInDigest();
            }

            digest.Add(record);
            See(record.CreatedAt);
        }

        /// <summary>A sign-in on the page, kept or not: how far back the read has got counts every row.</summary>
        public void See(DateTimeOffset createdAt)
        {
            if (!_oldest.HasValue || createdAt < _oldest.Value)
            {
                _oldest = createdAt;
            }
        }

        public void EndPage(string? nextPage) => NextPage = nextPage;

        public void Fail(EvidenceGap gap)
        {
            Gap = gap;
            NextPage = null;
        }

        /// <summary>Hands the sign-ins over to the window: the plan keeps this read (its first page) to the end of the run.</summary>
        public SignInWindow ToWindow()
        {
            if (Gap != null)
            {
                return SignInWindow.Unavailable(Gap);
            }

            var window = SignInWindow.Read(_byUser.ToDictionary(p => p.Key, p => SignInHistory.Read(p.Value.Kept, Since), StringComparer.OrdinalIgnoreCase), Since, Pages);
            _byUser.Clear();
            return window;
        }
    }
}
