using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;

namespace EntraPasskey.Engine.Transport
{
    /// <summary>
    /// What a request does, for deciding how long to wait for it and whether it may be sent again: reads (GETs, and a
    /// $batch of GETs) can be repeated after a reset, a timeout or an unreadable reply; a write cannot.
    /// </summary>
    internal enum RequestKind
    {
        Read,
        ReportRead,

        /// <summary>
        /// A $batch of GETs: a read, except that after a timeout its sender, not the transport, sends its items again
        /// (<see cref="Graph.BatchExecutor"/>, in smaller batches, so one slow item does not hold the others).
        /// </summary>
        BatchRead,
        Write,
    }

    internal static class RequestKinds
    {
        private static readonly string[] ReportPaths = { "/auditLogs/", "/reports/" };

        public static RequestKind Of(HttpMethod method, Uri? uri, byte[]? content)
        {
            var path = uri?.AbsolutePath ?? string.Empty;
            if (method == HttpMethod.Get || method == HttpMethod.Head)
            {
                return ReportPaths.Any(p => path.IndexOf(p, StringComparison.OrdinalIgnoreCase) >= 0) ? RequestKind.ReportRead : RequestKind.Read;
            }

            return method == HttpMethod.Post && IsBatch(path) && content != null && OnlyGets(content) ? RequestKind.BatchRead : RequestKind.Write;
        }

        private static bool IsBatch(string path) =>
            path.EndsWith("/$batch", StringComparison.OrdinalIgnoreCase) || path.EndsWith("/%24batch", StringComparison.OrdinalIgnoreCase);

        /// <summary>True when every request in the $batch body is a GET.</summary>
        private static bool OnlyGets(byte[] content)
        {
            try
            {
                using var document = JsonDocument.Parse(content);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("requests", out var requests)
                    && requests.ValueKind == JsonValueKind.Array
                    && requests.EnumerateArray().All(r =>
                        r.ValueKind == JsonValueKind.Object
                        && r.TryGetProperty("method", out var m)
                        && m.ValueKind == JsonValueKind.String
                        && string.Equals(m.GetString(), "GET", StringComparison.OrdinalIgnoreCase));
            }
            catch (JsonException)
            {
                return false;
            }
        }
    }
}
