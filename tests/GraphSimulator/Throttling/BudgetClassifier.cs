using System;
using System.Collections.Generic;

namespace GraphSimulator.Throttling;

/// <summary>Which throttling budget a Graph path belongs to.</summary>
internal static class BudgetClassifier
{
    /// <summary>Budget name, or null for the $batch envelope (its items are each charged on their own).</summary>
    public static string? Classify(IReadOnlyList<string> segments)
    {
        string At(int i) => i < segments.Count ? segments[i] : string.Empty;
        bool Is(int i, string literal) => string.Equals(At(i), literal, StringComparison.OrdinalIgnoreCase);

        if (Is(0, "$batch"))
        {
            return null;
        }

        if (Is(0, "auditLogs") || Is(0, "reports"))
        {
            return Budget.Reports;
        }

        if ((Is(0, "identity") && Is(1, "conditionalAccess")) || Is(0, "identityProtection") || Is(0, "riskyUsers") || Is(0, "riskDetections"))
        {
            return Budget.ConditionalAccess;
        }

        return Budget.Identity;
    }

    /// <summary>The path with <c>me</c> spelled as <c>users/me</c>, so both price alike.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> segments) =>
        segments.Count > 0 && string.Equals(segments[0], "me", StringComparison.OrdinalIgnoreCase)
            ? ["users", .. segments]
            : segments;
}
