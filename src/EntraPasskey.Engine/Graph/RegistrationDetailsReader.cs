using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Reads the authentication methods registration report (reports/authenticationMethods/userRegistrationDetails)
    /// to its last page. It is a report: each page waits its turn on the app's reports budget (5 requests per
    /// 10 s), and it needs AuditLog.Read.All and Microsoft Entra ID P1/P2; without them the evidence is a gap, not an
    /// error. Graph documents $filter and $orderby for it, not $top, so the page size is Graph's.
    /// </summary>
    internal sealed class RegistrationDetailsReader
    {
        private readonly GraphServiceClient _client;
        private readonly EngineLog _log;

        public RegistrationDetailsReader(GraphServiceClient client, EngineLog log)
        {
            _client = client;
            _log = log;
        }

        public async Task<RegistrationDetails> ReadAsync(CancellationToken cancellationToken)
        {
            var users = new List<RegisteredUser>();
            var pages = 0;
            try
            {
                var page = await _client.Reports.AuthenticationMethods.UserRegistrationDetails.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                while (page != null)
                {
                    pages++;
                    users.AddRange((page.Value ?? new List<UserRegistrationDetails>()).Where(r => !string.IsNullOrEmpty(r.Id)).Select(Map));
                    if (string.IsNullOrEmpty(page.OdataNextLink))
                    {
                        break;
                    }

                        page = await _client.Reports.AuthenticationMethods.UserRegistrationDetails.WithUrl(page.OdataNextLink!).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                var gap = EvidenceGaps.From(ex, GraphCall.ReadRegistrationDetails, cancellationToken);
                _log.Warning("The authentication methods registration report could not be read, so the checks that count users by their registered methods are Unknown: " + gap.Why);
                return RegistrationDetails.Unavailable(gap);
            }

            _log.Verbose($"Read the registration report: {users.Count} user(s) in {pages} page(s).");
            return RegistrationDetails.Read(users);
        }

        internal static RegisteredUser Map(UserRegistrationDetails row) =>
            new RegisteredUser(
                row.Id!,
                row.UserPrincipalName,
                row.UserType?.ToString(),
                (row.MethodsRegistered ?? new List<string>()).Where(m => !string.IsNullOrEmpty(m)).ToList());
    }
}
