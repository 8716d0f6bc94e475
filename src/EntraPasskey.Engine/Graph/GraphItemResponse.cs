using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Transport;
using Microsoft.Kiota.Abstractions.Serialization;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// One response inside a $batch reply of reads: status, body, and Graph's error code when it failed. A success
    /// whose body is not a JSON object (every read answers with one) is not the resource: it counts as unreadable.
    /// </summary>
    internal sealed class GraphItemResponse
    {
        private readonly byte[] _body;
        private readonly GraphTransportException? _lost;

        private GraphItemResponse(int status, byte[] body, TimeSpan? retryAfter, string? errorCode, string? errorMessage, GraphTransportException? lost = null)
        {
            _lost = lost;
            Status = status;
            _body = body;
            RetryAfter = retryAfter;
            ErrorCode = errorCode;
            ErrorMessage = errorMessage;
            IsUnreadable = status >= 200 && status < 300 && status != 204 && !ReplyBody.IsObject(body);
        }

        public int Status { get; }

        public bool IsSuccess => Status >= 200 && Status < 300 && !IsUnreadable;

        /// <summary>A success status with a body that is not the resource (left empty, cut off, an HTML page).</summary>
        public bool IsUnreadable { get; }

        /// <summary>Throttled, unavailable, a bad gateway, or unreadable: another attempt may fare better.</summary>
        public bool IsWorthRetrying => RetryPolicy.IsTransientForRead(Status) || IsUnreadable;

        public TimeSpan? RetryAfter { get; }

        public string? ErrorCode { get; }

        public string? ErrorMessage { get; }

        public static async Task<GraphItemResponse> ReadAsync(HttpResponseMessage message)
        {
            var body = message.Content == null ? Array.Empty<byte>() : await message.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var status = (int)message.StatusCode;
            var retryAfter = message.Headers.RetryAfter?.Delta
                ?? (message.Headers.RetryAfter?.Date is DateTimeOffset at ? at - DateTimeOffset.UtcNow : (TimeSpan?)null);
            string? code = null;
            string? text = null;
            if ((status < 200 || status >= 300) && body.Length > 0)
            {
                (code, text) = GraphErrors.ReadErrorBody(body);
            }

            return new GraphItemResponse(status, body, retryAfter, code, text);
        }

        /// <summary>Stands in for an item the $batch reply left out, after the last retry.</summary>
        public static GraphItemResponse Missing() =>
            new GraphItemResponse(502, Array.Empty<byte>(), null, "BatchItemMissing", "The $batch reply did not include this request.");

        /// <summary>Stands in for an item whose $batch got no reply in time on the last attempt.</summary>
        public static GraphItemResponse TimedOut(GraphTransportException timedOut) =>
            new GraphItemResponse(504, Array.Empty<byte>(), null, null, null, timedOut);

        public async Task<T?> ParseAsync<T>(ParsableFactory<T> factory, CancellationToken cancellationToken)
            where T : IParsable
        {
            if (_body.Length == 0)
            {
                return default;
            }

            using var stream = new System.IO.MemoryStream(_body, writable: false);
            return await KiotaJsonSerializer.DeserializeAsync(stream, factory, cancellationToken).ConfigureAwait(false);
        }

        public EntraPasskeyException ToException(GraphCall call, string? target) =>
            _lost != null ? GraphErrors.FromTransport(_lost, call, target)
            : IsUnreadable
                ? GraphErrors.Unreadable(ReplyBody.Problem(_body, null) ?? "not the resource asked for", call, target)
                : GraphErrors.FromResponse(Status, ErrorCode, ErrorMessage, call, target);
    }
}
