using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.LogAnalytics;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// One Get-PasskeyRegistrationFailures run: the window is fixed when it is created (invalid windows throw here),
    /// then the report comes from Graph (auditLogs/directoryAudits) or from a Log Analytics workspace, through the
    /// same recognisers, de-duplication and grouping.
    /// </summary>
    public sealed class RegistrationFailureReport
    {
        /// <summary>Up to this many users get one server-side filtered query each (one reports-budget window).</summary>
        internal const int MaxUserQueries = 5;

        private readonly RegistrationFailureRequest _request;
        private readonly FailurePatternTable _table = FailurePatternTable.Default;
        private readonly DateTimeOffset _now;
        private readonly ReportWindow _window;

        public RegistrationFailureReport(RegistrationFailureRequest request)
        {
            _request = request;
            _now = request.Clock();
            _window = request.Since is DateTimeOffset since
                ? ReportWindow.Between(since, request.Until, _now)
                : ReportWindow.LastDaysBefore(request.Days, _now);
        }

        public EngineLog Log { get; } = new EngineLog();

        /// <summary>The KQL for the AuditLogs table of a Log Analytics workspace; one row per attempt with <paramref name="attempts"/>.</summary>
        public string ToKql(bool attempts) =>
            KqlQuery.Build(_table, _window, _request.Users, _request.MinimumAttempts, attempts);

        public async Task<IReadOnlyList<RegistrationFailureSummary>> SummariseAsync(EntraPasskeyConnection connection, CancellationToken cancellationToken)
        {
            var groups = _request.WorkspaceId is Guid workspace
                ? await QueryWorkspaceAsync(connection, workspace, attempts: false, table => LogAnalyticsRows.Groups(table, _table), cancellationToken).ConfigureAwait(false)
                : FailureGrouping.Group(await ReadAttemptsAsync(connection, cancellationToken).ConfigureAwait(false), _request.MinimumAttempts);
            return groups.Select(g => FailureReportOutput.Summary(g, AuthenticatorCatalog.BuiltIn)).ToList();
        }

        public async Task<IReadOnlyList<RegistrationFailureEvent>> ListAttemptsAsync(EntraPasskeyConnection connection, CancellationToken cancellationToken)
        {
            var attempts = _request.WorkspaceId is Guid workspace
                ? await QueryWorkspaceAsync(connection, workspace, attempts: true, table => LogAnalyticsRows.Attempts(table, _table), cancellationToken).ConfigureAwait(false)
                : FailureGrouping.Filter(await ReadAttemptsAsync(connection, cancellationToken).ConfigureAwait(false), _request.MinimumAttempts);
            return attempts.Select(a => FailureReportOutput.Event(a, AuthenticatorCatalog.BuiltIn)).ToList();
        }

        private async Task<T> QueryWorkspaceAsync<T>(EntraPasskeyConnection connection, Guid workspace, bool attempts, Func<LogAnalyticsTable, T> read, CancellationToken cancellationToken)
        {
            var client = new LogAnalyticsClient(connection.Credential, connection.Context.Environment, _request.LogAnalyticsEndpoint, Log);
            var table = await client.QueryAsync(workspace, ToKql(attempts), cancellationToken).ConfigureAwait(false);
            Log.Verbose($"Log Analytics returned {table.Count} row(s) for {_window}.");
            return LogAnalyticsErrors.Readable(() => read(table), workspace);
        }

        /// <summary>
        /// Graph: filter server-side on the services, the window, (for a few users) the user and, where Graph takes it,
        /// the result; otherwise failures and passkey events are picked out here. Events of an attempt that both services
        /// logged are merged by correlation id.
        /// </summary>
        private async Task<IReadOnlyList<FailureAttempt>> ReadAttemptsAsync(EntraPasskeyConnection connection, CancellationToken cancellationToken)
        {
            var window = await RetainedWindowAsync(connection, cancellationToken).ConfigureAwait(false);
            if (window.IsEmpty)
            {
                return Array.Empty<FailureAttempt>();
            }

            var reader = new DirectoryAuditReader(connection.Graph, Log);
            var users = _request.Users;
            RecognisedFailure? Select(AuditEvent auditEvent) =>
                users.Count == 0 || IsAbout(auditEvent, users) ? FailureRecogniser.Recognise(auditEvent, _table) : null;
            var failures = new List<RecognisedFailure>();
            var read = 0;
            var scopes = users.Count == 0 || users.Count > MaxUserQueries ? new string?[] { null } : users.Select(u => (string?)u).ToArray();
            if (users.Count > MaxUserQueries)
            {
                Log.Verbose($"{users.Count} users: one query for the window, narrowed to them here (a query per user would cost more of the audit log's 5-requests-per-10-seconds budget).");
            }

            async Task ReadAsync(IEnumerable<string> filters)
            {
                foreach (var filter in filters)
                {
                    var (kept, count) = await reader.ReadAsync(filter, _request.PageSize, Select, cancellationToken).ConfigureAwait(false);
                    failures.AddRange(kept);
                    read += count;
                }
            }

            var failuresOnly = true;
            foreach (var user in scopes)
            {
                if (failuresOnly)
                {
                    try
                    {
                        await ReadAsync(new[] { DirectoryAuditFilter.FailuresOnly(_table, window, user) }).ConfigureAwait(false);
                        continue;
                    }
                    catch (EntraPasskeyException refused) when (refused.ErrorId == "GraphBadRequest")
                    {
                        failuresOnly = false;
                        Log.Verbose($"Microsoft Graph refused to filter the audit log on the result ({refused.Message}); reading each service's events in the window and picking the failures out here.");
                    }
                }

                await ReadAsync(DirectoryAuditFilter.PerService(_table, window, user)).ConfigureAwait(false);
            }

            var attempts = FailureGrouping.MergeAttempts(failures);
            Log.Verbose($"{failures.Count} of {read} event(s) are failed passkey registrations (result failure or timeout, or a cancelled registration, naming a passkey): {attempts.Count} attempt(s) after merging events that share a correlation id.");
            return attempts;
        }

        /// <summary>
        /// The window the audit log still holds. Only a window reaching back more than 7 days needs the licence
        /// (one organization read); a Free tenant then gets one warning and the last 7 days. A licence that cannot be
        /// read leaves the whole window, with one warning that older failures may be missing.
        /// </summary>
        private async Task<ReportWindow> RetainedWindowAsync(EntraPasskeyConnection connection, CancellationToken cancellationToken)
        {
            var freeRetention = TenantLicence.RetentionDays(premium: false);
            var freeWindow = _window.Retained(freeRetention, _now);
            if (_window.Since >= freeWindow.Since)
            {
                return _window;
            }

            var premium = await TenantLicence.HasPremiumAsync(connection.Graph, Log, cancellationToken).ConfigureAwait(false);
            if (premium == null)
            {
                Log.Warning($"Could not check how far back the audit log goes: the tenant's licence could not be read (that needs Organization.Read.All). Without Microsoft Entra ID P1 or P2 the log keeps only {freeRetention} days, so failures before {ReportWindow.Text(freeWindow.Since)} may be missing.");
            }

            var retained = _window.Retained(TenantLicence.RetentionDays(premium != false), _now);
            if (retained.Since != _window.Since)
            {
                var why = premium == false
                    ? $"the tenant has no Microsoft Entra ID P1 or P2 licence, so the audit log keeps only {freeRetention} days"
                    : $"the audit log keeps at most {ReportWindow.MaxDays} days";
                Log.Warning(retained.IsEmpty
                    ? $"Nothing from {_window} is left: {why}."
                    : $"Reporting on {retained} instead of {_window}: {why}.");
            }

            return retained;
        }

        private static bool IsAbout(AuditEvent auditEvent, IReadOnlyList<string> users) =>
            users.Any(u => string.Equals(u, auditEvent.UserId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(u, auditEvent.UserPrincipalName, StringComparison.OrdinalIgnoreCase));
    }
}
