using System;
using EntraPasskey.Engine.Graph;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// The server-side $filter of auditLogs/directoryAudits: the service and the window, and optionally one user.
    /// Graph documents $filter on loggedByService (eq), activityDateTime (ge, le), targetResources id (eq) and
    /// initiatedBy/user userPrincipalName (eq), but not on result, so failures are picked out client-side.
    /// </summary>
    internal static class DirectoryAuditFilter
    {
        public static string Build(string service, ReportWindow window, string? user)
        {
            var filter = $"loggedByService eq {ODataLiteral.String(service)}"
                + $" and activityDateTime ge {ODataLiteral.DateTime(window.Since)}"
                + $" and activityDateTime le {ODataLiteral.DateTime(window.Until)}";
            return user == null ? filter : filter + " and " + UserClause(user);
        }

        /// <summary>
        /// An object id matches the user whose security info changed (the target). A UPN can only be matched on the
        /// initiator (targetResources is filterable by id and displayName only), which is the user in self-service
        /// registration, the case this report is about.
        /// </summary>
        private static string UserClause(string user) =>
            Guid.TryParse(user, out var id)
                ? $"targetResources/any(t: t/id eq {ODataLiteral.String(id.ToString("D"))})"
                : $"initiatedBy/user/userPrincipalName eq {ODataLiteral.String(user)}";
    }
}
