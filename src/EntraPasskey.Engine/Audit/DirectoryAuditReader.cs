using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// Reads auditLogs/directoryAudits for one $filter through the Graph SDK, following nextLinks to the last page.
    /// Audits are a "reports" API (5 requests per 10 s), so pages are large and only the fields used are selected.
    /// Each event is passed to a selector as its page arrives and only what it keeps is held, so memory follows the
    /// failures, not the size of the log.
    /// </summary>
    internal sealed class DirectoryAuditReader
    {
        private static readonly string[] Fields =
        {
            "id", "activityDateTime", "activityDisplayName", "loggedByService", "result", "resultReason", "correlationId",
            "initiatedBy", "targetResources", "additionalDetails",
        };

        private readonly GraphServiceClient _client;
        private readonly EngineLog _log;

        public DirectoryAuditReader(GraphServiceClient client, EngineLog log)
        {
            _client = client;
            _log = log;
        }

        /// <summary>What <paramref name="select"/> kept of the events matching <paramref name="filter"/>, and how many were read.</summary>
        public async Task<(IReadOnlyList<T> Kept, int Read)> ReadAsync<T>(string filter, int pageSize, Func<AuditEvent, T?> select, CancellationToken cancellationToken)
            where T : class
        {
            _log.Verbose($"GET auditLogs/directoryAudits?$filter={filter}&$top={pageSize}");
            var kept = new List<T>();
            var read = 0;
            var seenLinks = new HashSet<string>(StringComparer.Ordinal);
            var pages = 0;
            try
            {
                var page = await _client.AuditLogs.DirectoryAudits.GetAsync(
                    rc =>
                    {
                        rc.QueryParameters.Filter = filter;
                        rc.QueryParameters.Top = pageSize;
                        rc.QueryParameters.Select = Fields;
                    },
                    cancellationToken).ConfigureAwait(false);
                while (page != null)
                {
                    pages++;
                    foreach (var audit in page.Value ?? new List<DirectoryAudit>())
                    {
                        read++;
                        if (select(AuditEventMapper.Map(audit)) is T selected)
                        {
                            kept.Add(selected);
                        }
                    }

                    var next = page.OdataNextLink;
                    if (string.IsNullOrEmpty(next))
                    {
                        break;
                    }

                    if (!seenLinks.Add(next!))
                    {
                        throw new EntraPasskeyException(
                            "GraphPagingFailed", ErrorKind.ServiceUnavailable,
                            "Microsoft Graph returned the same page of the directory audit log twice.",
                            "Run the command again; if it keeps failing, narrow the window with -Days or -Since/-Until.");
                    }

                    page = await _client.AuditLogs.DirectoryAudits.WithUrl(next!).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw ForReport(GraphErrors.FromException(ex, GraphCall.ReadDirectoryAudits, null, cancellationToken));
            }

            _log.Verbose($"Read {read} audit event(s) in {pages} page(s).");
            return (kept, read);
        }

        /// <summary>The licence error, told for this report: Log Analytics is the way around it.</summary>
        private static Exception ForReport(Exception error) =>
            error is EntraPasskeyException { ErrorId: "LicenceRequired" } licence
                ? new EntraPasskeyException(
                    licence.ErrorId, licence.Kind,
                    "Microsoft Graph refused to read the directory audit log: the tenant has no Microsoft Entra ID P1 or P2 licence (Authentication_RequestFromNonPremiumTenantOrB2CTenant).",
                    "Run the report in a tenant with Entra ID P1 or P2, or with -WorkspaceId against a Log Analytics workspace that receives the audit logs.")
                : error;
    }
}
