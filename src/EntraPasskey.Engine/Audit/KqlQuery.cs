using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using EntraPasskey.Engine.LogAnalytics;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// The failure report written as KQL over the Log Analytics AuditLogs table (graph-facts §7.4): the same window,
    /// service, user narrowing, recognisers (from the pattern table), de-duplication by correlation id, grouping and
    /// outreach rule as the Graph path. -AsKql prints it; -WorkspaceId runs it and reads back the projected columns.
    /// </summary>
    internal static class KqlQuery
    {
        public const string SummaryHeader = "// EntraPasskey: failed passkey registrations by user and reason (Get-PasskeyRegistrationFailures)";
        public const string AttemptsHeader = "// EntraPasskey: failed passkey registration attempts, one row per attempt (Get-PasskeyRegistrationFailures -Raw)";

        public static string Build(FailurePatternTable table, ReportWindow window, IReadOnlyList<string> users, int minimumAttempts, bool attempts)
        {
            var q = new StringBuilder();
            Parameters(q, table, window, users, minimumAttempts, attempts);
            FailedAttempts(q, table, users);
            if (attempts)
            {
                AttemptRows(q);
            }
            else
            {
                SummaryRows(q);
            }

            return q.ToString().TrimEnd('\n');
        }

        /// <summary>The header and the let statements: window, users, minimum attempts, the reasons' order.</summary>
        private static void Parameters(StringBuilder q, FailurePatternTable table, ReportWindow window, IReadOnlyList<string> users, int minimumAttempts, bool attempts)
        {
            Line(q, attempts ? AttemptsHeader : SummaryHeader);
            Line(q, "// Microsoft documents only the success texts of these events; the patterns below are EntraPasskey's table.");
            Line(q, window.LastDays is int days
                ? $"let since = ago({days.ToString(CultureInfo.InvariantCulture)}d);"
                : $"let since = datetime({ReportWindow.Text(window.Since)});");
            Line(q, window.LastDays != null ? "let until = now();" : $"let until = datetime({ReportWindow.Text(window.Until)});");
            if (users.Count > 0)
            {
                Line(q, $"let users = {KqlLiteral.DynamicArray(users)};");
            }

            Line(q, $"let minimumAttempts = {minimumAttempts.ToString(CultureInfo.InvariantCulture)};");
            Line(q, $"let reasonOrder = {KqlLiteral.DynamicArray(table.Reasons.Select(r => r.Code).Concat(new[] { table.Unrecognised.Code }))};");
        }

        /// <summary>
        /// The recognised failed attempts, one per correlation id, as FailedAttempts: the window, the service, the
        /// users, the failure and passkey markers, each attempt's reason, method and AAGUID.
        /// </summary>
        private static void FailedAttempts(StringBuilder q, FailurePatternTable table, IReadOnlyList<string> users)
        {
            Line(q, "AuditLogs");
            Line(q, "| where ActivityDateTime between (since .. until)");
            Line(q, $"| where LoggedByService =~ {KqlLiteral.String(table.Service)}");
            Line(q, "| extend UserId = coalesce(tostring(TargetResources[0].id), tostring(InitiatedBy.user.id)),");
            Line(q, "         UserPrincipalName = coalesce(tostring(TargetResources[0].userPrincipalName), tostring(InitiatedBy.user.userPrincipalName))");
            if (users.Count > 0)
            {
                Line(q, "| where UserId in~ (users) or UserPrincipalName in~ (users)");
            }

            Line(q, "| extend EventText = strcat(ActivityDisplayName, \" | \", ResultReason, \" | \", tostring(AdditionalDetails), \" | \", tostring(TargetResources)),");
            Line(q, "         ReasonText = strcat(ResultReason, \" | \", ActivityDisplayName, \" | \", Result)");
            Line(q, $"| where Result in~ ({string.Join(", ", table.FailureResults.Select(KqlLiteral.String))}) or {AnyOf("EventText", table.AbandonMarkers)}");
            Line(q, $"| where {AnyOf("EventText", table.PasskeyMarkers)}");
            Line(q, "| extend Reason = case(");
            foreach (var reason in table.Reasons)
            {
                Line(q, $"    {AnyOf("ReasonText", reason.Patterns)}, {KqlLiteral.String(reason.Code)},");
            }

            Line(q, $"    {KqlLiteral.String(table.Unrecognised.Code)})");
            Line(q, "| extend Method = case(");
            foreach (var (pattern, method) in table.Methods)
            {
                Line(q, $"    EventText contains {KqlLiteral.String(pattern)}, {KqlLiteral.String(method)},");
            }

            Line(q, "    \"\")");
            Line(q, $"| extend Aaguid = tolower(extract({KqlLiteral.Verbatim(FailureRecogniser.AaguidPattern)}, 1, EventText))");
            Line(q, "| extend Rank = array_index_of(reasonOrder, Reason)");
            Line(q, "// One attempt per correlation id: paired and duplicate events count once; the most specific reason wins.");
            Line(q, "| summarize arg_min(Rank, Reason, ResultReason), Time = min(ActivityDateTime),");
            Line(q, "    UserId = take_anyif(UserId, isnotempty(UserId)), UserPrincipalName = take_anyif(UserPrincipalName, isnotempty(UserPrincipalName)),");
            Line(q, "    Method = take_anyif(Method, isnotempty(Method)), Aaguid = take_anyif(Aaguid, isnotempty(Aaguid)),");
            Line(q, "    Activities = make_set(ActivityDisplayName), EventCount = count()");
            Line(q, "    by CorrelationId = iif(isempty(CorrelationId), Id, CorrelationId)");
            Line(q, "// Users are grouped by object id in any letter case, as the Graph path groups them.");
            Line(q, "| extend UserKey = tolower(UserId)");
            Line(q, "| as FailedAttempts");
        }

        /// <summary>-Raw: one row per attempt of the user-and-reason groups that reach the minimum.</summary>
        private static void AttemptRows(StringBuilder q)
        {
            Line(q, "| join kind=inner (FailedAttempts | summarize GroupAttempts = count() by UserKey, Reason | where GroupAttempts >= minimumAttempts) on UserKey, Reason");
            Line(q, "| project Time, UserPrincipalName, UserId, Reason, ResultReason, Activities, Method, Aaguid, CorrelationId, EventCount");
            Line(q, "| order by UserPrincipalName asc, Time asc");
        }

        /// <summary>One row per user and reason, with the outreach rule counted over all the user's attempts.</summary>
        private static void SummaryRows(StringBuilder q)
        {
            Line(q, "| join kind=inner (FailedAttempts | summarize UserAttempts = count() by UserKey) on UserKey");
            Line(q, "| summarize Attempts = count(), FirstSeen = min(Time), LastSeen = max(Time),");
            Line(q, "    UserId = take_any(UserId), UserPrincipalName = take_anyif(UserPrincipalName, isnotempty(UserPrincipalName)),");
            Line(q, "    Methods = make_set_if(Method, isnotempty(Method)), Aaguids = make_set_if(Aaguid, isnotempty(Aaguid)),");
            Line(q, "    ResultReasons = make_set_if(ResultReason, isnotempty(ResultReason)), CorrelationIds = make_set(CorrelationId),");
            Line(q, "    UserAttempts = take_any(UserAttempts)");
            Line(q, "    by UserKey, Reason");
            Line(q, $"| extend NeedsOutreach = UserAttempts > {FailureGrouping.OutreachThreshold.ToString(CultureInfo.InvariantCulture)}");
            Line(q, "| where Attempts >= minimumAttempts");
            Line(q, "| project UserPrincipalName, UserId, Reason, Attempts, FirstSeen, LastSeen, Methods, Aaguids, ResultReasons, CorrelationIds, NeedsOutreach");
            Line(q, "| order by UserPrincipalName asc, Attempts desc, Reason asc");
        }

        private static string AnyOf(string column, IEnumerable<string> patterns) =>
            string.Join(" or ", patterns.Select(p => $"{column} contains {KqlLiteral.String(p)}"));

        private static void Line(StringBuilder query, string line) => query.Append(line).Append('\n');
    }
}
