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
    /// Reads interactive sign-ins from the beta endpoint (v1.0 has no authenticationRequirement or
    /// authenticationDetails, graph-facts §6.1), either for one user or for every user of the tenant at once. Sign-ins
    /// cost the reports budget (5 requests / 10 s), so a bulk run reads the window once instead of once per user; both
    /// ways look at the same window and reduce to the same <see cref="SignInHistory"/>, so verdicts agree.
    /// Logs that cannot be read become an <see cref="EvidenceGap"/>, never an error.
    /// </summary>
    internal sealed class SignInReader
    {
        /// <summary>
        /// How far back to look. Registration needs MFA within 5 minutes, so older sign-ins only tell the user to sign
        /// in again, which "none in the last day" tells as well; a day keeps the tenant-wide read to a few pages.
        /// </summary>
        public static readonly TimeSpan Window = TimeSpan.FromDays(1);

        private const int PageSize = 1000;

        private static readonly string[] Fields =
        {
            "id", "createdDateTime", "userId", "userPrincipalName", "isInteractive", "status", "authenticationRequirement",
            "authenticationDetails", "deviceDetail", "appDisplayName",
        };

        private readonly GraphServiceClient _client;
        private readonly ReportsBudget _budget;
        private readonly string _betaRoot;

        public SignInReader(GraphServiceClient client, ReportsBudget budget)
        {
            _client = client;
            _budget = budget;
            var root = client.RequestAdapter.BaseUrl ?? string.Empty;
            _betaRoot = (root.EndsWith("/v1.0", StringComparison.OrdinalIgnoreCase) ? root.Substring(0, root.Length - 5) : root.TrimEnd('/')) + "/beta";
        }

        /// <param name="key">The user's object id or user principal name, as the caller gave it.</param>
        public async Task<SignInHistory> ReadUserAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var since = now - Window;
            var who = Guid.TryParse(key, out _) ? "userId eq " : "userPrincipalName eq ";
            try
            {
                var records = new List<SignInRecord>();
                await ReadPagesAsync(who + ODataLiteral.String(key) + " and createdDateTime ge " + ODataLiteral.DateTime(since), records.Add, cancellationToken).ConfigureAwait(false);
                return SignInHistory.Read(records, since);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return SignInHistory.Unavailable(EvidenceGaps.From(ex, GraphCall.ReadSignIns, cancellationToken));
            }
        }

        /// <summary>Every user's sign-ins in the window, in one paged read; memory stays at a few sign-ins per user.</summary>
        public async Task<SignInWindow> ReadAllAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            var since = now - Window;
            var byUser = new Dictionary<string, SignInDigest>(StringComparer.OrdinalIgnoreCase);
            try
            {
                var pages = await ReadPagesAsync("createdDateTime ge " + ODataLiteral.DateTime(since), (userId, record) =>
                {
                    if (!byUser.TryGetValue(userId, out var digest))
                    {
                        byUser[userId] = digest = new SignInDigest();
                    }

                    digest.Add(record);
                }, cancellationToken).ConfigureAwait(false);
                return SignInWindow.Read(byUser.ToDictionary(p => p.Key, p => SignInHistory.Read(p.Value.Kept, since), StringComparer.OrdinalIgnoreCase), since, pages);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return SignInWindow.Unavailable(EvidenceGaps.From(ex, GraphCall.ReadSignIns, cancellationToken));
            }
        }

        private Task<int> ReadPagesAsync(string filter, Action<SignInRecord> add, CancellationToken cancellationToken) =>
            ReadPagesAsync(filter, (_, record) => add(record), cancellationToken);

        private async Task<int> ReadPagesAsync(string filter, Action<string, SignInRecord> add, CancellationToken cancellationToken)
        {
            var url = $"{_betaRoot}/auditLogs/signIns?$filter={Uri.EscapeDataString(filter)}&$select={string.Join(",", Fields)}&$top={PageSize.ToString(CultureInfo.InvariantCulture)}";
            var pages = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (url != null)
            {
                if (!seen.Add(url))
                {
                    throw new EntraPasskeyException("GraphPagingFailed", ErrorKind.ServiceUnavailable, "Microsoft Graph returned the same sign-in page twice.", "Run the command again.");
                }

                await _budget.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                var page = await _client.AuditLogs.SignIns.WithUrl(url).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                pages++;
                foreach (var signIn in page?.Value ?? new List<SignIn>())
                {
                    var record = SignInMapper.Map(signIn);
                    if (record != null && signIn.UserId != null)
                    {
                        add(signIn.UserId, record);
                    }
                }

                url = string.IsNullOrEmpty(page?.OdataNextLink) ? null : page!.OdataNextLink;
            }

            return pages;
        }
    }
}
