using System;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GraphSimulator.Pipeline;

namespace GraphSimulator.OData;

/// <summary>
/// The opaque $skiptoken of a nextLink: the offset of the next page bound to a fingerprint of the query it came
/// from, so a token pasted onto another query is refused. Every page has a different offset, so a nextLink never repeats.
/// </summary>
internal static class SkipToken
{
    private const string Prefix = "sim1";

    public static string Create(int offset, string fingerprint) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Prefix}:{offset}:{fingerprint}")));

    public static int ReadOffset(string token, string fingerprint)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            throw Invalid();
        }

        var parts = text.Split(':');
        if (parts.Length != 3 || parts[0] != Prefix || parts[2] != fingerprint ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            throw Invalid();
        }

        return offset;
    }

    public static string Fingerprint(params string?[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexString(hash, 0, 6);
    }

    private static GraphException Invalid() =>
        GraphErrors.RequestBadRequest("The $skiptoken value is not valid for this request.");
}
