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
    /// An envelope that got no reply in time is split: one slow item holds its whole $batch, and sending every item
    /// again would give each of them another chance to be the slow one, so the items go again as two smaller batches,
    /// side by side, and the slow one holds fewer of the others each time. Timeouts and item failures are counted
    /// apart, each within the policy's attempts, so an item gives up after as many timeouts as the transport would.
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

            var results = new Dictionary<string, GraphItemResponse>();
            var failures = steps.ToDictionary(s => s.Id, _ => 0);
            var batches = new List<Pending> { new Pending(steps, 0) };
            while (batches.Count > 0)
            {
                if (_identity != null)
                {
                    await _identity.WaitAsync(batches.Sum(b => b.Steps.Count), cancellationToken).ConfigureAwait(false);
                }

                var sent = await Task.WhenAll(batches.Select(b => SendOnceAsync(b, failures, cancellationToken))).ConfigureAwait(false);
                batches = new List<Pending>();
                var wait = TimeSpan.Zero;
                foreach (var outcome in sent)
                {
                    foreach (var pair in outcome.Done)
                    {
                        results[pair.Key] = pair.Value;
                    }

                    foreach (var id in outcome.Failed)
                    {
                        failures[id]++;
                    }

                    batches.AddRange(outcome.Again);
                    wait = Longer(wait, outcome.Wait);
                }

                if (batches.Count > 0)
                {
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                }
            }

            return results;
        }

        /// <param name="failures">Each item's failed attempts so far (read only here: batches sent side by side hold different items).</param>
        private async Task<Outcome> SendOnceAsync(Pending batch, IReadOnlyDictionary<string, int> failures, CancellationToken cancellationToken)
        {
            var outcome = new Outcome();
            var content = new BatchRequestContentCollection(_client, MaxStepsPerBatch);
            foreach (var step in batch.Steps)
            {
                await content.AddBatchRequestStepAsync(step.Request, step.Id).ConfigureAwait(false);
            }

            BatchResponseContentCollection reply;
            try
            {
                reply = await _client.Batch.PostAsync(content, cancellationToken).ConfigureAwait(false);
            }
            catch (GraphTransportException timedOut) when (timedOut.Failure == TransportFailure.TimedOut)
            {
                var timeouts = batch.Timeouts + 1;
                if (timeouts >= _policy.MaxAttempts)
                {
                    var failure = new GraphTransportException(timedOut.Failure, timedOut.Detail, timeouts, timedOut.Status, timedOut.InnerException);
                    foreach (var step in batch.Steps)
                    {
                        outcome.Done[step.Id] = GraphItemResponse.TimedOut(failure);
                    }
                }
                else
                {
                    var half = (batch.Steps.Count + 1) / 2;
                    outcome.Again.Add(new Pending(batch.Steps.Take(half).ToList(), timeouts));
                    if (batch.Steps.Count > half)
                    {
                        outcome.Again.Add(new Pending(batch.Steps.Skip(half).ToList(), timeouts));
                    }

                    outcome.Wait = _policy.WaitAfter(timeouts, null);
                }

                return outcome;
            }

            var messages = await reply.GetResponsesStatusCodesAsync().ConfigureAwait(false);
            var again = new List<BatchStep>();
            foreach (var step in batch.Steps)
            {
                var attempt = failures[step.Id] + 1;
                var last = attempt >= _policy.MaxAttempts;
                GraphItemResponse item;
                if (messages.ContainsKey(step.Id))
                {
                    using var message = await reply.GetResponseByIdAsync(step.Id).ConfigureAwait(false);
                    item = await GraphItemResponse.ReadAsync(message).ConfigureAwait(false);
                }
                else
                {
                    item = GraphItemResponse.Missing();
                }

                if (item.IsWorthRetrying && !last)
                {
                    again.Add(step);
                    outcome.Failed.Add(step.Id);
                    outcome.Wait = Longer(outcome.Wait, _policy.WaitAfter(attempt, item.RetryAfter));
                    continue;
                }

                outcome.Done[step.Id] = item;
            }

            if (again.Count > 0)
            {
                outcome.Again.Add(new Pending(again, batch.Timeouts));
            }

            return outcome;
        }

        private static TimeSpan Longer(TimeSpan a, TimeSpan b) => a > b ? a : b;

        /// <summary>Items to send together, and how many times the batches they came from got no reply in time.</summary>
        private sealed class Pending
        {
            public Pending(IReadOnlyList<BatchStep> steps, int timeouts)
            {
                Steps = steps;
                Timeouts = timeouts;
            }

            public IReadOnlyList<BatchStep> Steps { get; }

            public int Timeouts { get; }
        }

        /// <summary>What one envelope settled, which items failed an attempt, what goes again and after how long.</summary>
        private sealed class Outcome
        {
            public Dictionary<string, GraphItemResponse> Done { get; } = new Dictionary<string, GraphItemResponse>();

            public List<string> Failed { get; } = new List<string>();

            public List<Pending> Again { get; } = new List<Pending>();

            public TimeSpan Wait { get; set; }
        }
    }
}
