using System;
using System.Net.Http.Headers;
using System.Text.Json;

namespace EntraPasskey.Engine.Transport
{
    /// <summary>
    /// Whether a reply body is the JSON Graph sends, and if not, what it was in words a user can act on ("an HTML
    /// page", "cut off") rather than a parser's message.
    /// </summary>
    internal static class ReplyBody
    {
        /// <summary>Null when the body is well-formed JSON; else what it was instead.</summary>
        public static string? Problem(byte[] body, MediaTypeHeaderValue? contentType)
        {
            if (body.Length == 0)
            {
                return "empty";
            }

            if (string.Equals(contentType?.MediaType, "text/html", StringComparison.OrdinalIgnoreCase) || StartsWithMarkup(body))
            {
                return "an HTML page";
            }

            if (ReadsToEnd(body, isFinalBlock: true))
            {
                return null;
            }

            // Valid as far as it goes, but the document never ends: it was cut off on the way.
            return ReadsToEnd(body, isFinalBlock: false) ? "cut off" : "not JSON";
        }

        /// <summary>True when the body is a JSON object: what every Graph read answers with.</summary>
        public static bool IsObject(byte[] body)
        {
            if (Problem(body, null) != null)
            {
                return false;
            }

            var reader = new Utf8JsonReader(body);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject;
        }

        private static bool ReadsToEnd(byte[] body, bool isFinalBlock)
        {
            var reader = new Utf8JsonReader(body, isFinalBlock, state: default);
            try
            {
                while (reader.Read())
                {
                }

                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static bool StartsWithMarkup(byte[] body)
        {
            foreach (var b in body)
            {
                // Whitespace and a UTF-8 byte order mark may come first.
                if (b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n' || b == 0xEF || b == 0xBB || b == 0xBF)
                {
                    continue;
                }

                return b == (byte)'<';
            }

            return false;
        }
    }
}
