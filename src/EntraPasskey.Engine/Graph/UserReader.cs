using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Reads users: per user the account, its methods and its transitive group ids, three requests per user combined
    /// in one $batch; or, once a bulk run has read the tested groups' members (<see cref="GroupPlan"/>), the account
    /// and methods only, two requests per user. Sign-ins are read apart (<see cref="SignInPlan"/>): they cost the
    /// reports budget, and identity reads never wait for them.
    /// </summary>
    internal sealed class UserReader
    {
        /// <summary>Three requests per user fit six users in one 20-request $batch.</summary>
        public const int UsersPerBatch = BatchExecutor.MaxStepsPerBatch / 3;

        /// <summary>Two requests per user (groups known from the run's membership) fit ten.</summary>
        public const int UsersPerBatchWithMembership = BatchExecutor.MaxStepsPerBatch / 2;

        private static readonly string[] UserFields =
        {
            "id", "userPrincipalName", "displayName", "accountEnabled", "userType", "creationType", "externalUserState",
        };

        private readonly GraphServiceClient _client;
        private readonly BatchExecutor _batch;
        public UserReader(EntraPasskeyConnection connection)
        {
            _client = connection.Graph;
            _batch = new BatchExecutor(connection.Graph, connection.Retries, connection.Identity);
        }

        /// <summary>Reads users, their sign-ins not read (<see cref="SignInHistory.NotRead"/>).</summary>
        public Task<IReadOnlyList<UserRead>> ReadUsersAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
            ReadUsersAsync(keys, null, cancellationToken);

        /// <param name="membership">The tested groups' members, when the run has read them: then each user's transitiveMemberOf is not read.</param>
        public async Task<IReadOnlyList<UserRead>> ReadUsersAsync(IReadOnlyList<string> keys, GroupMembership? membership, CancellationToken cancellationToken)
        {
            var most = membership == null ? UsersPerBatch : UsersPerBatchWithMembership;
            if (keys.Count > most)
            {
                throw new ArgumentException($"At most {most} users per call.", nameof(keys));
            }


            var steps = new List<BatchStep>();
            for (var i = 0; i < keys.Count; i++)
            {
                var user = UserPath.Of(keys[i]);
                steps.Add(new BatchStep("u" + i, UserPath.BatchGet(_client, $"{user}?$select={string.Join(",", UserFields)}")));
                steps.Add(new BatchStep("m" + i, UserPath.BatchGet(_client, $"{user}/authentication/methods")));
                if (membership == null)
                {
                    steps.Add(new BatchStep("g" + i, UserPath.BatchGet(_client, $"{user}/transitiveMemberOf?$select=id&$top=999")));
                }
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
                reads.Add(await ToUserReadAsync(keys[i], replies["u" + i], replies["m" + i], membership == null ? replies["g" + i] : null, membership, cancellationToken).ConfigureAwait(false));
            }

            return reads;
        }

        private async Task<UserRead> ToUserReadAsync(string key, GraphItemResponse userReply, GraphItemResponse methodsReply, GraphItemResponse? groupsReply, GroupMembership? membership, CancellationToken cancellationToken)
        {
            if (!userReply.IsSuccess)
            {
                return new UserRead(key, null, userReply.ToException(GraphCall.ReadUser, key));
            }

            if (!methodsReply.IsSuccess)
            {
                return new UserRead(key, null, methodsReply.ToException(GraphCall.ReadMethods, key));
            }

            if (groupsReply != null && !groupsReply.IsSuccess)
            {
                return new UserRead(key, null, groupsReply.ToException(GraphCall.ReadMemberships, key));
            }

            var user = await userReply.ParseAsync(User.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
            var methods = await methodsReply.ParseAsync(AuthenticationMethodCollectionResponse.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
            var groups = groupsReply == null ? null : await groupsReply.ParseAsync(DirectoryObjectCollectionResponse.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
            if (user?.Id == null)
            {
                return new UserRead(key, null, new EntraPasskeyException("UserUnreadable", ErrorKind.ServiceUnavailable, $"Microsoft Graph returned no id for user '{key}'.", "Run the command again.", key));
            }

            IReadOnlyList<string> groupIds;
            try
            {
                groupIds = membership != null ? membership.GroupsOf(user.Id) : await AllGroupIdsAsync(groups, cancellationToken).ConfigureAwait(false);
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
                groupIds);
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
    }
}
