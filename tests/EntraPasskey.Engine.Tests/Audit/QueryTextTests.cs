using System;
using System.Linq;
using EntraPasskey.Engine.Audit;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.LogAnalytics;
using Xunit;

namespace EntraPasskey.Engine.Tests.Audit
{
    /// <summary>The Graph $filter and the KQL the report sends: literals escaped, the same window and tables.</summary>
    public sealed class QueryTextTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        private static readonly FailurePatternTable Table = FailurePatternTable.Default;

        [Theory]
        [InlineData("o'brien@contoso.com", "'o''brien@contoso.com'")]
        [InlineData("''", "''''''")]
        [InlineData("plain", "'plain'")]
        public void ODataString_DoublesApostrophes(string value, string literal)
        {
            Assert.Equal(literal, ODataLiteral.String(value));
        }

        [Fact]
        public void Filter_BothServicesTheWindowAndTheFailures_AreServerSide()
        {
            var filter = DirectoryAuditFilter.FailuresOnly(Table, ReportWindow.LastDaysBefore(7, Now), null);

            Assert.Equal(
                "(loggedByService eq 'Authentication Methods' or loggedByService eq 'Device Registration Service')"
                + " and activityDateTime ge 2026-02-23T09:00:00Z and activityDateTime le 2026-03-02T09:00:00Z"
                + " and (result eq 'failure' or result eq 'timeout' or activityDisplayName eq 'User canceled security info registration')",
                filter);
        }

        [Fact]
        public void Filter_PerService_UsesOnlyDocumentedProperties()
        {
            var filters = DirectoryAuditFilter.PerService(Table, ReportWindow.LastDaysBefore(7, Now), null);

            Assert.Equal(
                new[]
                {
                    "loggedByService eq 'Authentication Methods' and activityDateTime ge 2026-02-23T09:00:00Z and activityDateTime le 2026-03-02T09:00:00Z",
                    "loggedByService eq 'Device Registration Service' and activityDateTime ge 2026-02-23T09:00:00Z and activityDateTime le 2026-03-02T09:00:00Z",
                },
                filters);
        }

        [Fact]
        public void Filter_UserPrincipalName_IsAnEscapedInitiatorMatch()
        {
            var filter = DirectoryAuditFilter.PerService(Table, ReportWindow.LastDaysBefore(7, Now), "o'brien@contoso.com")[0];

            Assert.EndsWith(" and initiatedBy/user/userPrincipalName eq 'o''brien@contoso.com'", filter);
            Assert.Contains(" and initiatedBy/user/userPrincipalName eq 'o''brien@contoso.com' and (result eq ", DirectoryAuditFilter.FailuresOnly(Table, ReportWindow.LastDaysBefore(7, Now), "o'brien@contoso.com"), StringComparison.Ordinal);
        }

        [Fact]
        public void Filter_ObjectId_IsATargetMatch()
        {
            var filter = DirectoryAuditFilter.PerService(Table, ReportWindow.LastDaysBefore(7, Now), "00D3F0DD-F2CB-4C1F-B47E-AAE1194BB1C7")[1];

            Assert.EndsWith(" and targetResources/any(t: t/id eq '00d3f0dd-f2cb-4c1f-b47e-aae1194bb1c7')", filter);
        }

        [Theory]
        [InlineData("o'brien@contoso.com", "\"o'brien@contoso.com\"")]
        [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
        [InlineData("line\nbreak", "\"line\\nbreak\"")]
        public void KqlString_EscapesQuotesAndBackslashes(string value, string literal)
        {
            Assert.Equal(literal, KqlLiteral.String(value));
        }

        [Fact]
        public void Kql_LastDays_IsRelativeAndHasEveryStage()
        {
            var kql = KqlQuery.Build(Table, ReportWindow.LastDaysBefore(7, Now), Array.Empty<string>(), 1, attempts: false);
            var lines = kql.Split('\n');

            Assert.Equal(KqlQuery.SummaryHeader, lines[0]);
            Assert.Contains("let since = ago(7d);", lines);
            Assert.Contains("let until = now();", lines);
            Assert.DoesNotContain(lines, l => l.StartsWith("let users", StringComparison.Ordinal));
            Assert.Contains("AuditLogs", lines);
            Assert.Contains("| where ActivityDateTime between (since .. until)", lines);
            Assert.Contains("| where LoggedByService in~ (\"Authentication Methods\", \"Device Registration Service\")", lines);
            Assert.Contains("| mv-apply Target = TargetResources on (summarize UserTarget = take_anyif(Target, tostring(Target.type) =~ \"User\"))", lines);
            Assert.Contains("| extend UserId = coalesce(tostring(UserTarget.id), tostring(InitiatedBy.user.id)),", lines);
            Assert.Contains("| where Result in~ (\"failure\", \"timeout\") or EventText contains \"canceled security info registration\" or EventText contains \"cancelled security info registration\"", lines);
            Assert.Contains("| where EventText contains \"fido\" or EventText contains \"passkey\" or EventText contains \"security key\" or EventText contains \"webauthn\"", lines);
            Assert.Contains("    by CorrelationId = iif(isempty(CorrelationId), Id, CorrelationId)", lines);
            Assert.Contains("| extend NeedsOutreach = UserAttempts > 2", lines);
            Assert.Contains("| where Attempts >= minimumAttempts", lines);
            Assert.Equal("| order by UserPrincipalName asc, Attempts desc, Reason asc", lines[^1]);
        }

        [Fact]
        public void Kql_ReasonCase_HasOneLinePerTableReasonInRankOrder()
        {
            var lines = KqlQuery.Build(Table, ReportWindow.LastDaysBefore(7, Now), Array.Empty<string>(), 1, attempts: false).Split('\n');
            var start = Array.IndexOf(lines, "| extend Reason = case(");
            var cases = lines.Skip(start + 1).Take(Table.Reasons.Count).ToList();

            Assert.Equal(Table.Reasons.Select(r => $", \"{r.Code}\","), cases.Select(c => c.Substring(c.LastIndexOf(", \"", StringComparison.Ordinal))));
            Assert.StartsWith("    ReasonText contains \"not allowed by policy\" or ReasonText contains \"disallowed by policy\"", cases[0]);
            Assert.Equal("    \"Unrecognised\")", lines[start + 1 + Table.Reasons.Count]);
        }

        [Fact]
        public void Kql_ExplicitWindowUsersAndMinimum_AreLetStatementsWithEscapedLiterals()
        {
            var window = ReportWindow.Between(Now.AddDays(-3), Now.AddDays(-1), Now);

            var lines = KqlQuery.Build(Table, window, new[] { "o'brien@contoso.com", "00d3f0dd-f2cb-4c1f-b47e-aae1194bb1c7" }, 3, attempts: false).Split('\n');

            Assert.Contains("let since = datetime(2026-02-27T09:00:00Z);", lines);
            Assert.Contains("let until = datetime(2026-03-01T09:00:00Z);", lines);
            Assert.Contains("let users = dynamic([\"o'brien@contoso.com\", \"00d3f0dd-f2cb-4c1f-b47e-aae1194bb1c7\"]);", lines);
            Assert.Contains("| where UserId in~ (users) or UserPrincipalName in~ (users)", lines);
            Assert.Contains("let minimumAttempts = 3;", lines);
        }

        [Fact]
        public void Kql_Attempts_ReturnsOneRowPerAttemptFilteredByRowSize()
        {
            var lines = KqlQuery.Build(Table, ReportWindow.LastDaysBefore(14, Now), Array.Empty<string>(), 2, attempts: true).Split('\n');

            Assert.Equal(KqlQuery.AttemptsHeader, lines[0]);
            Assert.Contains("let since = ago(14d);", lines);
            Assert.Contains("| join kind=inner (FailedAttempts | summarize GroupAttempts = count() by UserKey, Reason | where GroupAttempts >= minimumAttempts) on UserKey, Reason", lines);
            Assert.Equal("| order by UserPrincipalName asc, Time asc", lines[^1]);
            Assert.DoesNotContain(lines, l => l.Contains("NeedsOutreach", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Kql_GroupsUsersByLowerCaseObjectId_AsFailureGroupingDoes(bool attempts)
        {
            var lines = KqlQuery.Build(Table, ReportWindow.LastDaysBefore(7, Now), Array.Empty<string>(), 1, attempts).Split('\n');
            var named = Array.IndexOf(lines, "| as FailedAttempts");

            Assert.Equal("| extend UserKey = tolower(UserId)", lines[named - 1]);
            Assert.DoesNotContain(lines, l => l.Contains("by UserId", StringComparison.Ordinal) || l.Contains("on UserId", StringComparison.Ordinal));
        }

        [Fact]
        public void Kql_Summary_GroupsByUserKeyAndStillReturnsTheUserId()
        {
            var lines = KqlQuery.Build(Table, ReportWindow.LastDaysBefore(7, Now), Array.Empty<string>(), 1, attempts: false).Split('\n');

            Assert.Contains("| join kind=inner (FailedAttempts | summarize UserAttempts = count() by UserKey) on UserKey", lines);
            Assert.Contains("    UserId = take_any(UserId), UserPrincipalName = take_anyif(UserPrincipalName, isnotempty(UserPrincipalName)),", lines);
            Assert.Contains("    by UserKey, Reason", lines);
            Assert.StartsWith("| project UserPrincipalName, UserId, ", lines.Single(l => l.StartsWith("| project ", StringComparison.Ordinal)));
        }

        [Fact]
        public void Kql_AaguidPattern_IsTheRecognisersVerbatim()
        {
            var kql = KqlQuery.Build(Table, ReportWindow.LastDaysBefore(7, Now), Array.Empty<string>(), 1, attempts: false);

            Assert.Contains($"| extend Aaguid = tolower(extract(@\"{FailureRecogniser.AaguidPattern}\", 1, EventText))", kql);
        }
    }
}
