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
    /// authenticationDetails, graph-facts §6.1), either for one user or for every user of the tenant at once. Every
    /// page costs the reports budget (5 requests / 10 s); which way is cheaper for a run is the caller's choice
    /// (<see cref="Diagnosis.SignInPlan"/>). Both ways look at the same window and reduce to the same
    /// <see cref="SignInHistory"/>, so verdicts agree.
    /// Logs that cannot be read become an <see cref="EvidenceGap"/>, never an error.
    /// </summary>
    internal sealed class SignInReader
    {
        /// <summary>
        /// How far back Test-EntraPasskey looks, one user or a whole tenant alike, so both give the same verdicts.
        /// Registration needs MFA within 5 minutes (layer 4), and a device seen in a sign-in says something about the
        /// attempt only when it is recent (layer 5, a warning at most): an hour answers both, and the finding says it
        /// is an hour. A day was 24 times the pages: at 8 sign-ins per user per day, 10,000 users' day is 80 pages, 160 s
        /// of the reports budget; their hour is 4.
        /// </summary>
        public static readonly TimeSpan Window = TimeSpan.FromHours(1);

        /// <summary>
        /// How far back Test-EntraPasskeySignIn looks for a user's failed passkey sign-ins when it reads that user's
        /// own: a week, the help desk's "recently" (and all a Free tenant would keep, though only P1/P2 tenants can
        /// read sign-ins through Graph at all). One request either way: a user's week fits one page.
        /// </summary>
        public static readonly TimeSpan SignInCheckWindow = TimeSpan.FromDays(7);

        /// <summary>
        /// How far back Test-EntraPasskeySignIn looks when a run reads the tenant's sign-ins instead (many users): a
        /// day, the attempts that led to today's tickets. The tenant's pages grow with the window: at 8 sign-ins per
        /// user per day, 10,000 users' week is 560 pages (19 minutes of the reports budget), their day 80. The finding
        /// says how far back it read.
        /// </summary>
        public static readonly TimeSpan SignInCheckTenantWindow = TimeSpan.FromDays(1);

        /// <summary>Graph's largest sign-in page.</summary>
        public const int MaxPageSize = 1000;

        private static readonly string[] Fields =
        {
            "id", "createdDateTime", "userId", "userPrincipalName", "isInteractive", "status", "authenticationRequirement",
            "authenticationDetails", "deviceDetail", "appDisplayName",
        };

        private readonly GraphServiceClient _client;
        private readonly string _betaRoot;
        private readonly TimeSpan _userWindow;
        private readonly TimeSpan _tenantWindow;
        private readonly int _tenantPageSize;

        /// <param name="tenantPageSize">Sign-ins per page of the tenant's window; smaller only in tests, to make many pages from a small tenant.</param>
        public SignInReader(GraphServiceClient client, int tenantPageSize = MaxPageSize)
            : this(client, Window, Window, tenantPageSize)
        {
        }

        /// <param name="userWindow">How far back one user's own sign-ins are read.</param>
        /// <param name="tenantWindow">How far back the tenant's sign-ins are read, when a run reads them for all its users.</param>
        public SignInReader(GraphServiceClient client, TimeSpan userWindow, TimeSpan tenantWindow, int tenantPageSize = MaxPageSize)
        {
            _client = client;
            _userWindow = userWindow;
            _tenantWindow = tenantWindow;
            _tenantPageSize = tenantPageSize;
            var root = client.RequestAdapter.BaseUrl ?? string.Empty;
            _betaRoot = (root.EndsWith("/v1.0", StringComparison.OrdinalIgnoreCase) ? root.Substring(0, root.Length - 5) : root.TrimEnd('/')) + "/beta";
        }

        /// <param name="key">The user's object id or user principal name, as the caller gave it.</param>
        public async Task<SignInHistory> ReadUserAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var since = now - _userWindow;
            var who = Guid.TryParse(key, out _) ? "userId eq " : "userPrincipalName eq ";
            try
            {
                // A busy account can have thousands of sign-ins a day; fold them as they come, as the tenant read does.
                var digest = new SignInDigest();
                await ReadPagesAsync(who + ODataLiteral.String(key) + " and createdDateTime ge " + ODataLiteral.DateTime(since), digest.Add, cancellationToken).ConfigureAwait(false);
                return SignInHistory.Read(digest.Kept, since);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return SignInHistory.Unavailable(EvidenceGaps.From(ex, GraphCall.ReadSignIns, cancellationToken));
            }
        }

        /// <summary>
        /// Starts reading every user's sign-ins in the window: the first page only, which says how many pages the rest
        /// would take (<see cref="TenantSignIns.EstimatedPagesLeft"/>), so the caller can still choose per-user reads.
        /// </summary>
        public async Task<TenantSignIns> ReadTenantFirstPageAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            var since = now - _tenantWindow;
            var read = new TenantSignIns(now, _tenantWindow, PageUrl("createdDateTime ge " + ODataLiteral.DateTime(since), _tenantPageSize));
            await ReadTenantPageAsync(read, cancellationToken).ConfigureAwait(false);
            return read;
        }

        /// <summary>Reads the rest of the pages; memory stays at a few sign-ins per user.</summary>
        public async Task<SignInWindow> ReadTenantRestAsync(TenantSignIns read, CancellationToken cancellationToken)
        {
            while (!read.IsComplete)
            {
                await ReadTenantPageAsync(read, cancellationToken).ConfigureAwait(false);
            }

            return read.ToWindow();
        }

        private async Task ReadTenantPageAsync(TenantSignIns read, CancellationToken cancellationToken)
        {
            var url = read.NextPage!;
            try
            {
                if (!read.StartPage(url))
                {
                    throw SamePageTwice();
                }

                read.EndPage(await ReadPageAsync(url, signIn =>
                {
                    if (signIn.CreatedDateTime is { } at)
                    {
                        read.See(at);
                    }

                    if (SignInMapper.Map(signIn) is { } record && signIn.UserId != null)
                    {
                        read.Add(signIn.UserId, record);
                    }
                }, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                read.Fail(EvidenceGaps.From(ex, GraphCall.ReadSignIns, cancellationToken));
            }
        }

        private async Task ReadPagesAsync(string filter, Action<SignInRecord> add, CancellationToken cancellationToken)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var url = PageUrl(filter, MaxPageSize); url != null;)
            {
                if (!seen.Add(url))
                {
                    throw SamePageTwice();
                }

                url = await ReadPageAsync(url, signIn =>
                {
                    if (SignInMapper.Map(signIn) is { } record && signIn.UserId != null)
                    {
                        add(record);
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>One page (the transport waits its turn on the reports budget); returns the next page's address.</summary>
        private async Task<string?> ReadPageAsync(string url, Action<SignIn> each, CancellationToken cancellationToken)
        {
            var page = await _client.AuditLogs.SignIns.WithUrl(url).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var signIn in page?.Value ?? new List<SignIn>())
            {
                each(signIn);
            }

            return string.IsNullOrEmpty(page?.OdataNextLink) ? null : page!.OdataNextLink;
        }

        private string PageUrl(string filter, int pageSize) =>
            $"{_betaRoot}/auditLogs/signIns?$filter={Uri.EscapeDataString(filter)}&$select={string.Join(",", Fields)}&$top={pageSize.ToString(CultureInfo.InvariantCulture)}";

        private static EntraPasskeyException SamePageTwice() =>
            new EntraPasskeyException("GraphPagingFailed", ErrorKind.ServiceUnavailable, "Microsoft Graph returned the same sign-in page twice.", "Run the command again.");
    }
}
