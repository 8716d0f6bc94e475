using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Graph;

namespace EntraPasskey.Engine.Transport
{
    /// <summary>
    /// The connection's one retry layer, in place of the SDK's retry handler (which retries only 429, 503 and 504,
    /// and waits up to 100 s for a hung request). Every request is retried on 429, 503 and 504, after Retry-After or
    /// a doubling backoff; reads (GETs and $batch of GETs) also after a reset connection, a timeout, a bad gateway or
    /// a reply that is not Graph's JSON, each attempt with its own timeout. A $batch that timed out is handed back at
    /// once: one slow item holds its whole envelope, and sending all its items again would only roll that dice again
    /// for every one of them, so <see cref="BatchExecutor"/> sends them again in smaller batches instead. A read is never answered with a body the
    /// SDK cannot parse: after the last attempt that is a <see cref="GraphTransportException"/> saying what came back.
    /// Every attempt at a reports request first waits its turn on the app's reports budget, outside its own timeout,
    /// so no caller and no retry can send past the budget.
    /// </summary>
    internal sealed class GraphRetryHandler : DelegatingHandler
    {
        private readonly RetryPolicy _policy;
        private readonly ReportsBudget? _reports;

        /// <param name="reports">The budget reports requests are paced on; null sends them unpaced.</param>
        public GraphRetryHandler(RetryPolicy policy, ReportsBudget? reports = null)
        {
            _policy = policy;
            _reports = reports;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = request.Content == null ? null : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var kind = RequestKinds.Of(request.Method, request.RequestUri, content);
            var timeout = _policy.TimeoutFor(kind);
            for (var attempt = 1; ; attempt++)
            {
                var message = attempt == 1 ? request : Copy(request, content);
                if (kind == RequestKind.ReportRead && _reports != null)
                {
                    await _reports.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
                }

                var outcome = await SendOnceAsync(message, kind, timeout, cancellationToken).ConfigureAwait(false);
                var last = attempt >= _policy.MaxAttempts;
                if (!outcome.Retry || last || (kind == RequestKind.BatchRead && outcome.Failure?.Kind == TransportFailure.TimedOut))
                {
                    return outcome.Response ?? throw outcome.Failure!.With(attempt);
                }

                outcome.Response?.Dispose();
                if (!ReferenceEquals(message, request))
                {
                    message.Dispose();
                }

                await Task.Delay(_policy.WaitAfter(attempt, outcome.RetryAfter), cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<Outcome> SendOnceAsync(HttpRequestMessage message, RequestKind kind, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var reads = kind != RequestKind.Write;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(timeout);
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(message, attempt.Token).ConfigureAwait(false);
                var body = await BufferAsync(response, attempt.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var transient = reads ? RetryPolicy.IsTransientForRead(status) : RetryPolicy.IsTransient(status);
                var problem = body.Length == 0 && (status == 204 || status >= 300) ? null : ReplyBody.Problem(body, response.Content?.Headers.ContentType);
                if (problem == null || (status >= 200 && status < 300 && !reads))
                {
                    // Graph's own answer (or a write's, which the caller reads however it came back).
                    return new Outcome(response, transient, RetryAfter(response), null);
                }

                // Not Graph's JSON: retry a read; after the last attempt, say what came back instead of handing the
                // SDK a body it would fail to parse with a message about the parser.
                var retryAfter = RetryAfter(response);
                response.Dispose();
                return new Outcome(null, reads || transient, retryAfter, new Failure(TransportFailure.Unreadable, problem, status, null));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                response?.Dispose();
                var seconds = Math.Round(timeout.TotalSeconds, timeout.TotalSeconds < 10 ? 1 : 0);
                return new Outcome(null, reads, null, new Failure(TransportFailure.TimedOut, $"no reply within {seconds} s", null, null));
            }
            catch (Exception lost) when (lost is HttpRequestException || lost is IOException)
            {
                response?.Dispose();
                return new Outcome(null, reads && !NeverReached(lost), null, new Failure(TransportFailure.Unreachable, Describe(lost), null, lost));
            }
        }

        /// <summary>Reads the whole body inside the attempt's time, so a reply that stalls half way is a timeout too.</summary>
        private static async Task<byte[]> BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            if (response.Content == null)
            {
                return Array.Empty<byte>();
            }

            using var buffer = new MemoryStream();
            using (var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
            {
                await stream.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
            }

            var body = buffer.ToArray();
            var replacement = new ByteArrayContent(body);
            foreach (var header in response.Content.Headers.Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content.Dispose();
            response.Content = replacement;
            return body;
        }

        private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
            response.Headers.RetryAfter?.Delta
            ?? (response.Headers.RetryAfter?.Date is DateTimeOffset at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null);

        /// <summary>
        /// A connection that could not be opened at all (nothing listening, a name that does not resolve) points at a
        /// wrong endpoint, not a passing fault: trying again only delays the error.
        /// </summary>
        private static bool NeverReached(Exception lost)
        {
            for (var e = lost; e != null; e = e.InnerException)
            {
                if (e is SocketException socket
                    && (socket.SocketErrorCode == SocketError.ConnectionRefused || socket.SocketErrorCode == SocketError.HostNotFound || socket.SocketErrorCode == SocketError.NoData))
                {
                    return true;
                }

                if (e is WebException web
                    && (web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure || web.Status == WebExceptionStatus.ProxyNameResolutionFailure))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What happened in a user's words: a connection that was opened and then lost (HttpClient says only "An error
        /// occurred while sending the request", its inner exception speaks of transports and sockets) is "closed before
        /// Graph answered"; one that never opened keeps its own first line ("Connection refused (host:port)").
        /// </summary>
        private static string Describe(Exception lost) =>
            lost is IOException || (lost is HttpRequestException && lost.InnerException is IOException)
                ? "the connection was closed before Graph answered"
                : MessageText.FirstLine(lost.Message);

        private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? content)
        {
            var copy = new HttpRequestMessage(original.Method, original.RequestUri) { Version = original.Version };
            foreach (var header in original.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            if (content != null)
            {
                copy.Content = new ByteArrayContent(content);
                foreach (var header in original.Content!.Headers.Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)))
                {
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            // The SDK's per-request options (decoding, telemetry) travel with the request.
            foreach (var property in original.Properties)
            {
                copy.Properties[property.Key] = property.Value;
            }

            return copy;
        }

        private sealed class Failure
        {
            private readonly string _detail;
            private readonly int? _status;
            private readonly Exception? _inner;

            public Failure(TransportFailure kind, string detail, int? status, Exception? inner)
            {
                Kind = kind;
                _detail = detail;
                _status = status;
                _inner = inner;
            }

            public TransportFailure Kind { get; }

            public GraphTransportException With(int attempts) => new GraphTransportException(Kind, _detail, attempts, _status, _inner);
        }

        private sealed class Outcome
        {
            public Outcome(HttpResponseMessage? response, bool retry, TimeSpan? retryAfter, Failure? failure)
            {
                Response = response;
                Retry = retry;
                RetryAfter = retryAfter;
                Failure = failure;
            }

            /// <summary>Graph's reply, when there is one to hand back.</summary>
            public HttpResponseMessage? Response { get; }

            public bool Retry { get; }

            public TimeSpan? RetryAfter { get; }

            public Failure? Failure { get; }
        }
    }
}
