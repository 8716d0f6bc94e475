using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Graph;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Sends up to 20 requests as one JSON $batch and retries the items Graph throttled or could not serve. The SDK's
    /// retry handler only sees the envelope (200), never a 429 inside it, so item retries happen here, after the
    /// item's own Retry-After.
    /// </summary>
    internal sealed class BatchExecutor
    {
        public const int MaxStepsPerBatch = 20;
        private const int MaxAttempts = 5;
        private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

        private readonly GraphServiceClient _client;

        public BatchExecutor(GraphServiceClient client)
        {
            _client = client;
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
                var content = new BatchRequestContentCollection(_client, MaxStepsPerBatch);
                foreach (var step in pending.Values)
                {
                    await content.AddBatchRequestStepAsync(step.Request, step.Id).ConfigureAwait(false);
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
                    if (IsTransient(item.Status) && attempt < MaxAttempts)
                    {
                        var delay = item.RetryAfter ?? Backoff(attempt);
                        wait = delay > wait ? delay : wait;
                        continue;
                    }

                    results[pair.Key] = item;
                    pending.Remove(pair.Key);
                }

                foreach (var missing in pending.Keys.Where(id => !messages.ContainsKey(id)).ToList())
                {
                    if (attempt >= MaxAttempts)
                    {
                        results[missing] = GraphItemResponse.Missing();
                        pending.Remove(missing);
                    }
                }

                if (pending.Count > 0)
                {
                    await Task.Delay(wait > MaxWait ? MaxWait : wait, cancellationToken).ConfigureAwait(false);
                }
            }

            return results;
        }

        private static bool IsTransient(int status) => status == 429 || status == 503 || status == 504;

        private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
    }
}
