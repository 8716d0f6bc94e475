using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphSimulator.Auth;

/// <summary>A compact JWS split into its parts (no validation here).</summary>
internal sealed record Jwt(JsonObject Header, JsonObject Payload, string SigningInput, byte[] Signature)
{
    public static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    public static bool TryParse(string token, out Jwt? jwt)
    {
        jwt = null;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0])) as JsonObject;
            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1])) as JsonObject;
            if (header is null || payload is null)
            {
                return false;
            }

            jwt = new Jwt(header, payload, parts[0] + "." + parts[1], Base64Url.DecodeFromChars(parts[2]));
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    public string? HeaderString(string name) => Header[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public string? ClaimString(string name) => Payload[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    /// <summary>A NumericDate claim; MSAL writes these as numeric strings ("1795627729"), others as numbers.</summary>
    public long? ClaimNumber(string name) => Payload[name] switch
    {
        JsonValue v when v.TryGetValue(out long n) => n,
        JsonValue v when v.TryGetValue(out string? s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
