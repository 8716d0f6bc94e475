using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.LogAnalytics;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>Reads the columns <see cref="KqlQuery"/> projects back into groups and attempts.</summary>
    internal static class LogAnalyticsRows
    {
        public static IReadOnlyList<FailureGroup> Groups(LogAnalyticsTable table, FailurePatternTable patterns) =>
            FailureGrouping.Order(table.Rows.Select(row => new FailureGroup(
                row.String("UserId") ?? string.Empty,
                row.String("UserPrincipalName") ?? string.Empty,
                patterns.ByCode(row.String("Reason")),
                row.Int("Attempts"),
                row.Time("FirstSeen"),
                row.Time("LastSeen"),
                FailureGrouping.SetOf(row.Strings("Methods")),
                FailureGrouping.SetOf(row.Strings("Aaguids").Select(Aaguid)),
                FailureGrouping.SetOf(row.Strings("ResultReasons")),
                FailureGrouping.SetOf(row.Strings("CorrelationIds")),
                row.Bool("NeedsOutreach"))));

        public static IReadOnlyList<FailureAttempt> Attempts(LogAnalyticsTable table, FailurePatternTable patterns) =>
            FailureGrouping.Order(table.Rows.Select(row => new FailureAttempt(
                row.String("CorrelationId") ?? string.Empty,
                row.Time("Time"),
                row.String("UserId") ?? string.Empty,
                row.String("UserPrincipalName") ?? string.Empty,
                patterns.ByCode(row.String("Reason")),
                Empty(row.String("ResultReason")),
                Empty(row.String("Method")),
                Empty(row.String("Aaguid")) is string aaguid ? Aaguid(aaguid) : null,
                row.Strings("Activities"),
                row.Int("EventCount"))));

        private static string Aaguid(string value) =>
            Guid.TryParse(value, out var id) ? id.ToString("D") : value.ToLowerInvariant();

        private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }
}
