using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Connection;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Counts users, not members: each group's transitive user members and the tenant's users, as Graph's
    /// @odata.count of a one-item page ($count=true, $top=1, $select=id, ConsistencyLevel: eventual), so no member
    /// list is ever paged. That is 3 resource units per group (transitiveMembers 5, minus $select and a small $top),
    /// 20 groups to a $batch, and 1 for the tenant.
    /// </summary>
    internal sealed class GroupSizeReader
    {
        private readonly GraphServiceClient _client;
        private readonly BatchExecutor _batch;

        public GroupSizeReader(EntraPasskeyConnection connection)
        {
            _client = connection.Graph;
            _batch = new BatchExecutor(connection.Graph, connection.Retries);
        }

        /// <summary>Sizes of the live groups among <paramref name="groupIds"/>; a group Graph no longer has is left out.</summary>
        public async Task<AudienceSizes> ReadAsync(IEnumerable<string> groupIds, CancellationToken cancellationToken)
        {
            var ids = groupIds.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var steps = ids.Select((id, i) => new BatchStep(i.ToString(CultureInfo.InvariantCulture), _client.Groups[id].TransitiveMembers.GraphUser.ToGetRequestInformation(rc =>
            {
                rc.QueryParameters.Count = true;
                rc.QueryParameters.Top = 1;
                rc.QueryParameters.Select = new[] { "id" };
                rc.Headers.Add("ConsistencyLevel", "eventual");
            }))).ToList();
            steps.Add(new BatchStep("users", _client.Users.ToGetRequestInformation(rc =>
            {
                rc.QueryParameters.Count = true;
                rc.QueryParameters.Top = 1;
                rc.QueryParameters.Select = new[] { "id" };
                rc.Headers.Add("ConsistencyLevel", "eventual");
            })));

            var sizes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            int? tenantUsers = null;
            var gaps = new List<string>();
            foreach (var chunk in steps.Select((step, index) => (step, index)).GroupBy(x => x.index / BatchExecutor.MaxStepsPerBatch, x => x.step))
            {
                var replies = await _batch.SendAsync(chunk.ToList(), cancellationToken).ConfigureAwait(false);
                foreach (var pair in replies)
                {
                    var isUsers = pair.Key == "users";
                    var reply = pair.Value;
                    if (reply.Status == 404 && !isUsers)
                    {
                        continue;
                    }

                    if (!reply.IsSuccess)
                    {
                        var error = reply.ToException(isUsers ? GraphCall.CountUsers : GraphCall.CountGroupMembers, null);
                        gaps.Add(error.Message);
                        continue;
                    }

                    var page = await reply.ParseAsync(UserCollectionResponse.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
                    if (!(page?.OdataCount is long count))
                    {
                        gaps.Add("Microsoft Graph returned no count.");
                        continue;
                    }

                    var users = (int)Math.Min(count, int.MaxValue);
                    if (isUsers)
                    {
                        tenantUsers = users;
                    }
                    else
                    {
                        sizes[ids[int.Parse(pair.Key, CultureInfo.InvariantCulture)]] = users;
                    }
                }
            }

            return new AudienceSizes(tenantUsers, sizes, gaps.Count == 0 ? null : gaps.Distinct().First());
        }
    }
}
