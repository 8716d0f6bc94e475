using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Transport;
using Microsoft.Graph;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Sends up to 20 reads as one JSON $batch and sends again the items Graph throttled or could not serve, the
    /// items its reply left out and the items whose body was not the resource. The transport retries the envelope
    /// (<see cref="GraphRetryHandler"/>) but only sees its 200, never a 429 inside it, so item retries happen here,
    /// after the item's own Retry-After, within the connection's <see cref="RetryPolicy"/>.
    /// </summary>
    internal sealed class BatchExecutor
    {
        public const int MaxStepsPerBatch = 20;

        private readonly GraphServiceClient _client;
        private readonly RetryPolicy _policy;
        private readonly IdentityBudget? _identity;

        /// <param name="identity">When given, every attempt first waits for a resource unit per item on it (each read here costs one).</param>
        public BatchExecutor(GraphServiceClient client, RetryPolicy policy, IdentityBudget? identity = null)
        {
            _client = client;
            _policy = policy;
            _identity = identity;
        }

        public async Task<IReadOnlyDictionary<string, GraphItemResponse>> SendAsync(IReadOnlyList<BatchStep> steps, CancellationToken cancellationToken)
        {
            if (steps.Count > MaxStepsPerBatch)
            {
                throw new ArgumentException($"A $batch holds at most {MaxStepsPerBatch} requests.", nameof(steps));
            }

            var pending = steps.ToDictionary(s => s.Id);
            var results = new Dictionary<string, GraphItemResponse>();
            for (var attempt = 1; pending.Count > 0; attempt++)
            {
                var last = attempt >= _policy.MaxAttempts;
                var content = new BatchRequestContentCollection(_client, MaxStepsPerBatch);
                foreach (var step in pending.Values)
                {
                    await content.AddBatchRequestStepAsync(step.Request, step.Id).ConfigureAwait(false);
                }

                if (_identity != null)
                {
                    await _identity.WaitAsync(pending.Count, cancellationToken).ConfigureAwait(false);
                }

                var reply = await _client.Batch.PostAsync(content, cancellationToken).ConfigureAwait(false);
                var messages = await reply.GetResponsesStatusCodesAsync().ConfigureAwait(false);
                var wait = TimeSpan.Zero;
                foreach (var pair in messages)
                {
                    if (!pending.ContainsKey(pair.Key))
                    {
                        continue;
                    }

                    using var message = await reply.GetResponseByIdAsync(pair.Key).ConfigureAwait(false);
                    var item = await GraphItemResponse.ReadAsync(message).ConfigureAwait(false);
                    if (item.IsWorthRetrying && !last)
                    {
                        wait = Longer(wait, _policy.WaitAfter(attempt, item.RetryAfter));
                        continue;
                    }

                    results[pair.Key] = item;
                    pending.Remove(pair.Key);
                }

                foreach (var missing in pending.Keys.Where(id => !messages.ContainsKey(id)).ToList())
                {
                    if (last)
                    {
                        results[missing] = GraphItemResponse.Missing();
                        pending.Remove(missing);
                    }
                    else
                    {
                        wait = Longer(wait, _policy.WaitAfter(attempt, null));
                    }
                }

                if (pending.Count > 0)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }

            return results;
        }

        private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
