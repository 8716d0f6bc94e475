using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Reads one user's latest interactive sign-ins from the beta endpoint: v1.0 has no authenticationRequirement or
    /// authenticationDetails (graph-facts §6.1). One request per user for now, sent beside the user's $batch so a
    /// lone user still needs two round trips; logs that cannot be read become an <see cref="EvidenceGap"/>.
    /// </summary>
    internal sealed class SignInReader
    {
        /// <summary>P1/P2 tenants keep 30 days of sign-ins.</summary>
        public static readonly TimeSpan Window = TimeSpan.FromDays(30);

        /// <summary>Enough to find the latest MFA among the user's recent sign-ins without paging.</summary>
        public const int SignInsPerUser = 20;

        private readonly GraphServiceClient _client;
        private readonly string _betaRoot;

        public SignInReader(GraphServiceClient client)
        {
            _client = client;
            var root = client.RequestAdapter.BaseUrl ?? string.Empty;
            _betaRoot = (root.EndsWith("/v1.0", StringComparison.OrdinalIgnoreCase) ? root.Substring(0, root.Length - 5) : root.TrimEnd('/')) + "/beta";
        }

        /// <param name="key">The user's object id or user principal name, as the caller gave it.</param>
        public async Task<SignInHistory> ReadAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var since = now - Window;
            var who = Guid.TryParse(key, out _) ? "userId eq " : "userPrincipalName eq ";
            var filter = who + ODataLiteral.String(key) + " and createdDateTime ge " + since.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var url = $"{_betaRoot}/auditLogs/signIns?$filter={Uri.EscapeDataString(filter)}&$top={SignInsPerUser}";
            try
            {
                var page = await _client.AuditLogs.SignIns.WithUrl(url).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                var records = (page?.Value ?? new List<SignIn>()).Select(SignInMapper.Map).Where(r => r != null).Select(r => r!);
                return SignInHistory.Read(records, since);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return SignInHistory.Unavailable(EvidenceGaps.From(ex, GraphCall.ReadSignIns, cancellationToken));
            }
        }
    }
}
