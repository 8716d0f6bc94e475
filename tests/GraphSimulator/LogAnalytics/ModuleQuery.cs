using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GraphSimulator.LogAnalytics;

/// <summary>
/// The simulator does not evaluate KQL. It recognises the query Get-PasskeyRegistrationFailures writes (by its first
/// line) and reads from it what varies: the window, users, minimum attempts, the services, failure results, marker
/// lists, the reason and method case() tables, the AAGUID extract() pattern and the outreach threshold. Every other
/// line is taken to mean what the module's query means (AuditLogsEvaluation computes that). Anything else is a 400.
/// </summary>
internal sealed partial class ModuleQuery
{
    // Copied from the module's src/EntraPasskey.Engine/Audit/KqlQuery.cs (SummaryHeader, AttemptsHeader): the
    // simulator does not reference the engine, so a change there must be made here too.
    public const string SummaryHeader = "// EntraPasskey: failed passkey registrations by user and reason (Get-PasskeyRegistrationFailures)";
    public const string AttemptsHeader = "// EntraPasskey: failed passkey registration attempts, one row per attempt (Get-PasskeyRegistrationFailures -Raw)";

    public required bool Attempts { get; init; }

    public required DateTimeOffset Since { get; init; }

    public required DateTimeOffset Until { get; init; }

    /// <summary>Null when the query names no users.</summary>
    public IReadOnlyList<string>? Users { get; init; }

    public required int MinimumAttempts { get; init; }

    public required IReadOnlyList<string> ReasonOrder { get; init; }

    public required IReadOnlyList<string> Services { get; init; }

    public required IReadOnlyList<string> FailureResults { get; init; }

    public required IReadOnlyList<string> AbandonMarkers { get; init; }

    public required IReadOnlyList<string> PasskeyMarkers { get; init; }

    public required IReadOnlyList<(IReadOnlyList<string> Patterns, string Reason)> Reasons { get; init; }

    public required string FallbackReason { get; init; }

    public required IReadOnlyList<(string Pattern, string Method)> Methods { get; init; }

    public required Regex Aaguid { get; init; }

    public required int OutreachThreshold { get; init; }

    /// <summary>The recognised query, or a message saying why it is not one.</summary>
    public static ModuleQuery Parse(string kql, DateTimeOffset now)
    {
        var lines = kql.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        var attempts = lines[0] == AttemptsHeader;
        if (!attempts && lines[0] != SummaryHeader)
        {
            throw new NotSupportedException("The simulator answers only the KQL of Get-PasskeyRegistrationFailures (its first line names it).");
        }

        var reasons = new List<(IReadOnlyList<string>, string)>();
        string? fallback = null;
        var methods = new List<(string, string)>();
        string? block = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("| extend Reason = case(", StringComparison.Ordinal) || line.StartsWith("| extend Method = case(", StringComparison.Ordinal))
            {
                block = line.Contains("Reason", StringComparison.Ordinal) ? "reason" : "method";
                continue;
            }

            if (block == "reason")
            {
                if (line.EndsWith(')'))
                {
                    fallback = Literals(line).Single();
                    block = null;
                }
                else
                {
                    var literals = Literals(line);
                    reasons.Add((literals.Take(literals.Count - 1).ToList(), literals[^1]));
                }
            }
            else if (block == "method")
            {
                if (line.EndsWith(')'))
                {
                    block = null;
                }
                else
                {
                    var literals = Literals(line);
                    methods.Add((literals[0], literals[1]));
                }
            }
        }

        var results = Find(lines, "| where Result in~ (");
        return new ModuleQuery
        {
            Attempts = attempts,
            Since = Time(Let(lines, "since"), now),
            Until = Time(Let(lines, "until"), now),
            Users = lines.Any(l => l.StartsWith("let users = ", StringComparison.Ordinal)) ? Array(Let(lines, "users")) : null,
            MinimumAttempts = int.Parse(Let(lines, "minimumAttempts"), CultureInfo.InvariantCulture),
            ReasonOrder = Array(Let(lines, "reasonOrder")),
            Services = Literals(Find(lines, "| where LoggedByService in~ (")),
            FailureResults = Literals(results[..results.IndexOf(')', StringComparison.Ordinal)]),
            AbandonMarkers = Literals(results[results.IndexOf(')', StringComparison.Ordinal)..]),
            PasskeyMarkers = Literals(Find(lines, "| where EventText contains ")),
            Reasons = reasons,
            FallbackReason = fallback ?? throw new NotSupportedException("The query's Reason case() has no fallback."),
            Methods = methods,
            Aaguid = new Regex(VerbatimLiteral().Match(Find(lines, "| extend Aaguid = ")).Groups[1].Value.Replace("\"\"", "\"", StringComparison.Ordinal)),
            OutreachThreshold = attempts ? 0 : int.Parse(Find(lines, "| extend NeedsOutreach = UserAttempts > ")["| extend NeedsOutreach = UserAttempts > ".Length..], CultureInfo.InvariantCulture),
        };
    }

    private static string Find(IEnumerable<string> lines, string prefix) =>
        lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new NotSupportedException($"The query has no line starting '{prefix}'.");

    /// <summary>The value of <c>let name = value;</c>.</summary>
    private static string Let(IEnumerable<string> lines, string name)
    {
        var line = Find(lines, $"let {name} = ");
        return line[$"let {name} = ".Length..].TrimEnd(';');
    }

    /// <summary><c>ago(7d)</c>, <c>now()</c> or <c>datetime(2026-03-01T00:00:00Z)</c>.</summary>
    private static DateTimeOffset Time(string expression, DateTimeOffset now)
    {
        if (expression == "now()")
        {
            return now;
        }

        var ago = AgoExpression().Match(expression);
        if (ago.Success)
        {
            var amount = int.Parse(ago.Groups[1].Value, CultureInfo.InvariantCulture);
            return ago.Groups[2].Value switch
            {
                "d" => now.AddDays(-amount),
                "h" => now.AddHours(-amount),
                _ => now.AddMinutes(-amount),
            };
        }

        var datetime = DatetimeExpression().Match(expression);
        return datetime.Success
            ? DateTimeOffset.Parse(datetime.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : throw new NotSupportedException($"Cannot read the time '{expression}'.");
    }

    /// <summary><c>dynamic(["a", "b"])</c>: KQL's escaped strings are JSON strings.</summary>
    private static IReadOnlyList<string> Array(string expression) =>
        expression.StartsWith("dynamic(", StringComparison.Ordinal)
            ? JsonSerializer.Deserialize<string[]>(expression["dynamic(".Length..^1]) ?? []
            : throw new NotSupportedException($"Cannot read the list '{expression}'.");

    /// <summary>Every double-quoted string literal on a line, unescaped.</summary>
    private static IReadOnlyList<string> Literals(string line) =>
        StringLiteral().Matches(line).Select(m => JsonSerializer.Deserialize<string>(m.Value)!).ToList();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("@\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex VerbatimLiteral();

    [GeneratedRegex(@"^ago\((\d+)([dhm])\)$")]
    private static partial Regex AgoExpression();

    [GeneratedRegex(@"^datetime\(([^)]+)\)$")]
    private static partial Regex DatetimeExpression();
}
