using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Graph;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// The server-side $filter of auditLogs/directoryAudits. Graph documents $filter on loggedByService (eq),
    /// activityDateTime (ge, le), activityDisplayName (eq, startswith), targetResources id (eq) and initiatedBy/user
    /// userPrincipalName (eq) (directoryaudit.md). <see cref="FailuresOnly"/> also asks for the failures only (result
    /// failure or timeout, or a cancelled registration) of every service in one query; the resource page does not list
    /// $filter on result, so when Graph refuses it the report reads <see cref="PerService"/> and picks failures itself.
    /// </summary>
    internal static class DirectoryAuditFilter
    {
        public static string FailuresOnly(FailurePatternTable table, ReportWindow window, string? user) =>
            "(" + string.Join(" or ", table.Services.Select(s => "loggedByService eq " + ODataLiteral.String(s))) + ")"
            + Window(window) + UserClause(user)
            + " and (" + string.Join(" or ", table.FailureResults.Select(r => "result eq " + ODataLiteral.String(r))
                .Concat(table.AbandonActivities.Select(a => "activityDisplayName eq " + ODataLiteral.String(a)))) + ")";

        /// <summary>One filter per service, on documented properties only.</summary>
        public static IReadOnlyList<string> PerService(FailurePatternTable table, ReportWindow window, string? user) =>
            table.Services.Select(s => "loggedByService eq " + ODataLiteral.String(s) + Window(window) + UserClause(user)).ToList();

        private static string Window(ReportWindow window) =>
            $" and activityDateTime ge {ODataLiteral.DateTime(window.Since)} and activityDateTime le {ODataLiteral.DateTime(window.Until)}";

        /// <summary>
        /// An object id matches the user whose security info changed (the target). A UPN can only be matched on the
        /// initiator (targetResources is filterable by id and displayName only), which is the user in self-service
        /// registration, the case this report is about.
        /// </summary>
        private static string UserClause(string? user) =>
            user == null
                ? string.Empty
                : System.Guid.TryParse(user, out var id)
                    ? $" and targetResources/any(t: t/id eq {ODataLiteral.String(id.ToString("D"))})"
                    : $" and initiatedBy/user/userPrincipalName eq {ODataLiteral.String(user)}";
    }
}
