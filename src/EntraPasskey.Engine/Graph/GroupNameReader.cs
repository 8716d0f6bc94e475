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
    /// Names the groups the policies target, 20 to a $batch and the batches in parallel. A group Graph no longer has
    /// is kept as deleted, not dropped: layer 1 tells a user left out by a deleted include target (IncludeTargetDeleted).
    /// </summary>
    internal sealed class GroupNameReader
    {
        private readonly GraphServiceClient _client;
        private readonly BatchExecutor _batch;

        public GroupNameReader(GraphServiceClient client, BatchExecutor batch)
        {
            _client = client;
            _batch = batch;
        }

        public async Task<IReadOnlyList<GroupInfo>> ReadAsync(IEnumerable<string> candidates, CancellationToken cancellationToken)
        {
            var ids = candidates.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var groups = new List<GroupInfo>();
            var chunks = ids
                .Select((id, index) => (id, index))
                .GroupBy(x => x.index / BatchExecutor.MaxStepsPerBatch, x => x.id)
                .Select(chunk => chunk.ToList())
                .ToList();
            var replies = await Task.WhenAll(chunks.Select(chunk => ReadChunkAsync(chunk, cancellationToken))).ConfigureAwait(false);
            foreach (var reply in replies)
            {
                groups.AddRange(reply);
            }

            return groups;
        }

        private async Task<IReadOnlyList<GroupInfo>> ReadChunkAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
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
