using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// Pure steps from recognised failure events to the report: merge the events of one attempt (same correlation
    /// id), then group attempts by user and reason. <see cref="KqlQuery"/> writes the same steps in KQL.
    /// </summary>
    internal static class FailureGrouping
    {
        /// <summary>A user who failed more than this many times in the window needs someone to contact them.</summary>
        public const int OutreachThreshold = 2;

        /// <summary>
        /// One attempt per correlation id (an event without one is its own attempt). The attempt takes the most
        /// specific reason among its events (lowest rank, then earliest), the earliest time, and the first user,
        /// method and AAGUID any of its events names. Repeated event ids (overlapping queries) count once.
        /// </summary>
        public static IReadOnlyList<FailureAttempt> MergeAttempts(IEnumerable<RecognisedFailure> failures) =>
            failures
                .GroupBy(f => f.Event.Id, StringComparer.Ordinal)
                .Select(g => g.First())
                .GroupBy(f => string.IsNullOrEmpty(f.Event.CorrelationId) ? f.Event.Id : f.Event.CorrelationId!, StringComparer.OrdinalIgnoreCase)
                .Select(ToAttempt)
                .ToList();

        /// <summary>
        /// One group per user and reason, with NeedsOutreach from all of the user's attempts, keeping groups with at
        /// least <paramref name="minimumAttempts"/> attempts; ordered by user, then most attempts, then reason.
        /// </summary>
        public static IReadOnlyList<FailureGroup> Group(IReadOnlyList<FailureAttempt> attempts, int minimumAttempts)
        {
            var perUser = attempts
                .GroupBy(a => a.UserId, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            return Order(attempts
                .GroupBy(a => (User: a.UserId.ToLowerInvariant(), a.Reason.Code))
                .Select(g => ToGroup(g.ToList(), perUser[g.First().UserId] > OutreachThreshold))
                .Where(g => g.Attempts >= minimumAttempts));
        }

        /// <summary>The attempts whose user-and-reason group has at least <paramref name="minimumAttempts"/>, by user then time.</summary>
        public static IReadOnlyList<FailureAttempt> Filter(IReadOnlyList<FailureAttempt> attempts, int minimumAttempts)
        {
            var kept = attempts
                .GroupBy(a => (User: a.UserId.ToLowerInvariant(), a.Reason.Code))
                .Where(g => g.Count() >= minimumAttempts)
                .SelectMany(g => g);
            return Order(kept);
        }

        public static IReadOnlyList<FailureGroup> Order(IEnumerable<FailureGroup> groups) =>
            groups
                .OrderBy(g => g.UserPrincipalName, StringComparer.OrdinalIgnoreCase)
                .ThenByDescending(g => g.Attempts)
                .ThenBy(g => g.Reason.Code, StringComparer.Ordinal)
                .ToList();

        public static IReadOnlyList<FailureAttempt> Order(IEnumerable<FailureAttempt> attempts) =>
            attempts
                .OrderBy(a => a.UserPrincipalName, StringComparer.OrdinalIgnoreCase)
                .ThenBy(a => a.Time)
                .ThenBy(a => a.CorrelationId, StringComparer.Ordinal)
                .ToList();

        /// <summary>Distinct, sorted, without empties: the order of a set must not depend on the source.</summary>
        public static IReadOnlyList<string> SetOf(IEnumerable<string?> values) =>
            values
                .Where(v => !string.IsNullOrEmpty(v))
                .Select(v => v!)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(v => v, StringComparer.OrdinalIgnoreCase)
                .ToList();

        private static FailureAttempt ToAttempt(IGrouping<string, RecognisedFailure> events)
        {
            var ordered = events.OrderBy(f => f.Event.Time).ThenBy(f => f.Event.Id, StringComparer.Ordinal).ToList();
            var chosen = ordered.OrderBy(f => f.Reason.Rank).First();
            return new FailureAttempt(
                events.Key,
                ordered[0].Event.Time,
                First(ordered.Select(f => f.Event.UserId)),
                First(ordered.Select(f => f.Event.UserPrincipalName)),
                chosen.Reason,
                chosen.Event.ResultReason,
                FirstOrNull(ordered.Select(f => f.Method)),
                FirstOrNull(ordered.Select(f => f.Aaguid)),
                ordered.Select(f => f.Event.Activity).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                ordered.Count);
        }

        private static FailureGroup ToGroup(IReadOnlyList<FailureAttempt> attempts, bool needsOutreach) =>
            new FailureGroup(
                attempts[0].UserId,
                First(attempts.OrderBy(a => a.Time).Select(a => a.UserPrincipalName)),
                attempts[0].Reason,
                attempts.Count,
                attempts.Min(a => a.Time),
                attempts.Max(a => a.Time),
                SetOf(attempts.Select(a => a.Method)),
                SetOf(attempts.Select(a => a.Aaguid)),
                SetOf(attempts.Select(a => a.ResultReason)),
                SetOf(attempts.Select(a => a.CorrelationId)),
                needsOutreach);

        private static string First(IEnumerable<string?> values) => FirstOrNull(values) ?? string.Empty;

        private static string? FirstOrNull(IEnumerable<string?> values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));
    }
}
