using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// Reads the evidence: tenant-wide policies once (authentication methods, security defaults, Conditional Access
    /// in parallel, then the names of the groups they target), and per user the account, its methods and its
    /// transitive group ids, three requests per user combined in one $batch, with the user's sign-ins read beside it.
    /// </summary>
    internal sealed class GraphReader
    {
        /// <summary>Three requests per user fit six users in one 20-request $batch.</summary>
        public const int UsersPerBatch = BatchExecutor.MaxStepsPerBatch / 3;

        private static readonly string[] UserFields =
        {
            "id", "userPrincipalName", "displayName", "accountEnabled", "userType", "creationType", "externalUserState",
        };

        private readonly GraphServiceClient _client;
        private readonly BatchExecutor _batch;
        private readonly SignInReader _signIns;
        private readonly EngineLog _log;
        private readonly Func<DateTimeOffset> _clock;

        public GraphReader(GraphServiceClient client, EngineLog log, Func<DateTimeOffset> clock, ReportsBudget reports)
        {
            _client = client;
            _batch = new BatchExecutor(client);
            _signIns = new SignInReader(client, reports);
            _log = log;
            _clock = clock;
        }

        /// <summary>Everything tenant-wide a diagnosis reads: methods policy, security defaults, registration CA, target groups.</summary>
        public async Task<TenantSnapshot> ReadTenantAsync(CancellationToken cancellationToken)
        {
            var defaultsTask = ReadSecurityDefaultsAsync(cancellationToken);
            var conditionalAccessTask = ReadConditionalAccessAsync(cancellationToken);
            var (state, fido2, methods) = await ReadMethodsPolicyAsync(cancellationToken).ConfigureAwait(false);
            var defaults = await defaultsTask.ConfigureAwait(false);
            var conditionalAccess = await conditionalAccessTask.ConfigureAwait(false);
            var groups = await ReadGroupsAsync(
                TargetGroupIds(methods).Concat(conditionalAccess.RegistrationPolicies.SelectMany(p => p.Users.IncludeGroups.Concat(p.Users.ExcludeGroups))),
                cancellationToken).ConfigureAwait(false);
            _log.Verbose($"Read the authentication methods policy: Passkey (FIDO2) {(fido2.Enabled ? "enabled" : "disabled")}, migration state {state}, {groups.Count} target group(s).");
            _log.Verbose(defaults.Gap == null
                ? $"Security defaults are {(defaults.Enabled == true ? "on" : "off")}."
                : "Security defaults unknown: " + defaults.Gap.Why);
            if (conditionalAccess.Gap == null)
            {
                _log.Verbose($"Read {conditionalAccess.RegistrationPolicies.Count} Conditional Access policy(ies) on 'Register security information'.");
            }
            else
            {
                _log.Warning("Conditional Access policies could not be read, so MFA bootstrap (layer 3) will be Unknown where they could decide: " + conditionalAccess.Gap.Why);
            }

            return new TenantSnapshot(state, fido2, methods, groups)
            {
                SecurityDefaults = defaults,
                ConditionalAccess = conditionalAccess,
            };
        }

        /// <summary>
        /// Only the authentication methods policy and the groups it targets: what issuing a Temporary Access Pass
        /// needs. Security defaults and Conditional Access stay "not read".
        /// </summary>
        public async Task<TenantSnapshot> ReadMethodsPolicyOnlyAsync(CancellationToken cancellationToken)
        {
            var (state, fido2, methods) = await ReadMethodsPolicyAsync(cancellationToken).ConfigureAwait(false);
            var groups = await ReadGroupsAsync(TargetGroupIds(methods), cancellationToken).ConfigureAwait(false);
            return new TenantSnapshot(state, fido2, methods, groups);
        }

        /// <summary>
        /// Every user's sign-ins in the window in one paged read, for bulk runs: its cost follows the tenant's sign-in
        /// volume, not the number of users diagnosed.
        /// </summary>
        public async Task<SignInWindow> ReadSignInWindowAsync(CancellationToken cancellationToken)
        {
            var window = await _signIns.ReadAllAsync(_clock(), cancellationToken).ConfigureAwait(false);
            _log.Verbose(window.Gap == null
                ? $"Read the tenant's interactive sign-ins since {window.Since:u} in {window.Pages} page(s)."
                : "Sign-in logs could not be read, so layer 4 (Recent MFA session) will be Unknown: " + window.Gap.Why);
            return window;
        }

        /// <summary>Reads users; their sign-in logs only when asked (they cost the tight reports budget).</summary>
        public async Task<IReadOnlyList<UserRead>> ReadUsersAsync(IReadOnlyList<string> keys, bool includeSignIns, CancellationToken cancellationToken)
        {
            if (keys.Count > UsersPerBatch)
            {
                throw new ArgumentException($"At most {UsersPerBatch} users per call.", nameof(keys));
            }

            var now = _clock();
            var signIns = keys
                .Select(key => includeSignIns ? _signIns.ReadUserAsync(key, now, cancellationToken) : Task.FromResult(SignInHistory.NotRead))
                .ToList();
            try
            {
                return await ReadAccountsAsync(keys, signIns, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // No sign-in read outlives the call, even when the accounts could not be read.
                await Task.WhenAll(signIns).ConfigureAwait(false);
            }
        }

        private async Task<(PolicyMigrationState State, Fido2Policy Fido2, IReadOnlyList<MethodPolicy> Methods)> ReadMethodsPolicyAsync(CancellationToken cancellationToken)
        {
            AuthenticationMethodsPolicy? policy;
            try
            {
                policy = await _client.Policies.AuthenticationMethodsPolicy.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw GraphErrors.FromException(ex, GraphCall.ReadPolicy, null, cancellationToken);
            }

            if (policy == null)
            {
                throw new EntraPasskeyException("PolicyUnreadable", ErrorKind.ServiceUnavailable, "Microsoft Graph returned an empty authentication methods policy.", "Run the command again.");
            }

            return PolicyMapper.Map(policy);
        }

        private async Task<SecurityDefaults> ReadSecurityDefaultsAsync(CancellationToken cancellationToken)
        {
            try
            {
                var policy = await _client.Policies.IdentitySecurityDefaultsEnforcementPolicy.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                return policy?.IsEnabled == true ? SecurityDefaults.On : SecurityDefaults.Off;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return SecurityDefaults.Unknown(EvidenceGaps.From(ex, GraphCall.ReadSecurityDefaults, cancellationToken));
            }
        }

        /// <summary>
        /// One request per run: Conditional Access allows 1 request per second per tenant and sends no Retry-After
        /// (graph-facts §8.2). Further pages are followed only if Graph pages the list.
        /// </summary>
        private async Task<ConditionalAccessEvidence> ReadConditionalAccessAsync(CancellationToken cancellationToken)
        {
            try
            {
                var policies = new List<RegistrationPolicy>();
                var page = await _client.Identity.ConditionalAccess.Policies.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                while (page != null)
                {
                    policies.AddRange((page.Value ?? new List<ConditionalAccessPolicy>()).Select(ConditionalAccessMapper.Map).Where(p => p != null).Select(p => p!));
                    page = string.IsNullOrEmpty(page.OdataNextLink)
                        ? null
                        : await _client.Identity.ConditionalAccess.Policies.WithUrl(page.OdataNextLink!).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                return ConditionalAccessEvidence.Read(policies);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                return ConditionalAccessEvidence.Unavailable(EvidenceGaps.From(ex, GraphCall.ReadConditionalAccess, cancellationToken));
            }
        }

        private async Task<IReadOnlyList<UserRead>> ReadAccountsAsync(IReadOnlyList<string> keys, IReadOnlyList<Task<SignInHistory>> signIns, CancellationToken cancellationToken)
        {
            var steps = new List<BatchStep>();
            for (var i = 0; i < keys.Count; i++)
            {
                var user = _client.Users[keys[i]];
                steps.Add(new BatchStep("u" + i, user.ToGetRequestInformation(rc => rc.QueryParameters.Select = UserFields)));
                steps.Add(new BatchStep("m" + i, user.Authentication.Methods.ToGetRequestInformation()));
                steps.Add(new BatchStep("g" + i, user.TransitiveMemberOf.ToGetRequestInformation(rc =>
                {
                    rc.QueryParameters.Select = new[] { "id" };
                    rc.QueryParameters.Top = 999;
                })));
            }

            IReadOnlyDictionary<string, GraphItemResponse> replies;
            try
            {
                replies = await _batch.SendAsync(steps, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                var error = GraphErrors.FromException(ex, GraphCall.ReadUser, null, cancellationToken);
                if (error is EntraPasskeyException known)
                {
                    return keys.Select(k => new UserRead(k, null, known.WithTarget(k))).ToList();
                }

                throw error;
            }

            var reads = new List<UserRead>();
            for (var i = 0; i < keys.Count; i++)
            {
                reads.Add(await ToUserReadAsync(keys[i], replies["u" + i], replies["m" + i], replies["g" + i], signIns[i], cancellationToken).ConfigureAwait(false));
            }

            return reads;
        }

        private async Task<UserRead> ToUserReadAsync(string key, GraphItemResponse userReply, GraphItemResponse methodsReply, GraphItemResponse groupsReply, Task<SignInHistory> signIns, CancellationToken cancellationToken)
        {
            if (!userReply.IsSuccess)
            {
                return new UserRead(key, null, userReply.ToException(GraphCall.ReadUser, key));
            }

            if (!methodsReply.IsSuccess)
            {
                return new UserRead(key, null, methodsReply.ToException(GraphCall.ReadMethods, key));
            }

            if (!groupsReply.IsSuccess)
            {
                return new UserRead(key, null, groupsReply.ToException(GraphCall.ReadMemberships, key));
            }

            var user = await userReply.ParseAsync(User.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
            var methods = await methodsReply.ParseAsync(AuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
            var groups = await groupsReply.ParseAsync(DirectoryObjectCollectionResponse.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
            if (user?.Id == null)
            {
                return new UserRead(key, null, new EntraPasskeyException("UserUnreadable", ErrorKind.ServiceUnavailable, $"Microsoft Graph returned no id for user '{key}'.", "Run the command again.", key));
            }

            List<string> groupIds;
            try
            {
                groupIds = await AllGroupIdsAsync(groups, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                var error = GraphErrors.FromException(ex, GraphCall.ReadMemberships, key, cancellationToken);
                return error is EntraPasskeyException known ? new UserRead(key, null, known) : throw error;
            }

            var evidence = new UserEvidence(
                user.Id,
                user.UserPrincipalName ?? key,
                user.DisplayName,
                user.AccountEnabled,
                user.UserType,
                user.CreationType,
                user.ExternalUserState,
                (methods?.Value ?? new List<AuthenticationMethod>()).Select(MethodMapper.Map).ToList(),
                groupIds)
            {
                SignIns = await signIns.ConfigureAwait(false),
            };
            return new UserRead(key, evidence, null);
        }

        /// <summary>Follows nextLinks: a user in more than 999 groups spans several pages.</summary>
        private async Task<List<string>> AllGroupIdsAsync(DirectoryObjectCollectionResponse? page, CancellationToken cancellationToken)
        {
            var ids = new List<string>();
            while (page != null)
            {
                ids.AddRange((page.Value ?? new List<DirectoryObject>()).Where(o => o.Id != null).Select(o => o.Id!));
                if (string.IsNullOrEmpty(page.OdataNextLink))
                {
                    break;
                }

                page = await new Microsoft.Graph.Users.Item.TransitiveMemberOf.TransitiveMemberOfRequestBuilder(page.OdataNextLink!, _client.RequestAdapter).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return ids;
        }

        private static IEnumerable<string> TargetGroupIds(IEnumerable<MethodPolicy> methods) =>
            methods.SelectMany(m => m.IncludeTargets.Concat(m.ExcludeTargets)).Where(t => t.Kind == PolicyTargetKind.Group).Select(t => t.Id);

        private async Task<IReadOnlyList<GroupInfo>> ReadGroupsAsync(IEnumerable<string> candidates, CancellationToken cancellationToken)
        {
            var ids = candidates.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var groups = new List<GroupInfo>();
            var chunks = ids
                .Select((id, index) => (id, index))
                .GroupBy(x => x.index / BatchExecutor.MaxStepsPerBatch, x => x.id)
                .Select(chunk => chunk.ToList())
                .ToList();
            var replies = await Task.WhenAll(chunks.Select(chunk => ReadGroupChunkAsync(chunk, cancellationToken))).ConfigureAwait(false);
            foreach (var reply in replies)
            {
                groups.AddRange(reply);
            }

            return groups;
        }

        private async Task<IReadOnlyList<GroupInfo>> ReadGroupChunkAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
        {
            var steps = ids
                .Select((id, i) => new BatchStep(i.ToString(CultureInfo.InvariantCulture), _client.Groups[id].ToGetRequestInformation(rc => rc.QueryParameters.Select = new[] { "id", "displayName" })))
                .ToList();
            IReadOnlyDictionary<string, GraphItemResponse> replies;
            try
            {
                replies = await _batch.SendAsync(steps, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw GraphErrors.FromException(ex, GraphCall.ReadGroups, null, cancellationToken);
            }

            var groups = new List<GroupInfo>();
            for (var i = 0; i < ids.Count; i++)
            {
                var reply = replies[i.ToString(CultureInfo.InvariantCulture)];
                if (reply.Status == 404)
                {
                    groups.Add(new GroupInfo(ids[i], null, Exists: false));
                    continue;
                }

                if (!reply.IsSuccess)
                {
                    throw reply.ToException(GraphCall.ReadGroups, ids[i]);
                }

                var group = await reply.ParseAsync(Group.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
                groups.Add(new GroupInfo(ids[i], group?.DisplayName, Exists: true));
            }

            return groups;
        }
    }
}
