using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace GraphSimulator.Routing;

/// <summary>
/// The path and query of one Graph call relative to its version ("users('o''brien%40contoso.com')/memberOf?$top=5").
/// Segments are percent-decoded one by one (so an encoded '/' stays inside its segment) and OData key syntax
/// <c>name('key')</c> / <c>name(key)</c> / <c>name(prop='key')</c> becomes two segments.
/// Query option names arrive as <c>$filter</c> or <c>%24filter</c>; both decode to <c>$filter</c>.
/// </summary>
internal sealed partial class RequestTarget
{
    private RequestTarget(string rawPath, IReadOnlyList<string> segments, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        RawPath = rawPath;
        Segments = segments;
        Query = query;
    }

    /// <summary>The path as received (still percent-encoded), without leading slash or query.</summary>
    public string RawPath { get; }

    public IReadOnlyList<string> Segments { get; }

    /// <summary>Decoded query pairs in their original order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public static RequestTarget Parse(string pathAndQuery)
    {
        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var rawPath = (queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart]).Trim('/');
        var rawQuery = queryStart < 0 ? string.Empty : pathAndQuery[(queryStart + 1)..];
        return new RequestTarget(rawPath, ParseSegments(rawPath), ParseQuery(rawQuery));
    }

    /// <summary>The query string re-encoded without the named options (used to build nextLinks).</summary>
    public string QueryWithout(params string[] names)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in Query)
        {
            if (Array.Exists(names, n => string.Equals(n, key, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            builder.Append(builder.Length == 0 ? "" : "&");
            builder.Append(key.StartsWith('$') ? "$" + Uri.EscapeDataString(key[1..]) : Uri.EscapeDataString(key));
            builder.Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    public string PathAndQuery =>
        Query.Count == 0 ? RawPath : RawPath + "?" + QueryWithout();

    private static List<string> ParseSegments(string rawPath)
    {
        var segments = new List<string>();
        foreach (var raw in rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw);
            var key = KeySegment().Match(segment);
            if (key.Success)
            {
                segments.Add(key.Groups["name"].Value);
                segments.Add(UnquoteKey(key.Groups["key"].Value));
            }
            else
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    private static string UnquoteKey(string key)
    {
        var equals = key.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && !key.StartsWith('\''))
        {
            key = key[(equals + 1)..];
        }

        return key.Length >= 2 && key[0] == '\'' && key[^1] == '\''
            ? key[1..^1].Replace("''", "'", StringComparison.Ordinal)
            : key;
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string rawQuery)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var part in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? string.Empty : Decode(part[(equals + 1)..]);
            pairs.Add(new(name.StartsWith('$') ? name.ToLowerInvariant() : name, value));
        }

        return pairs;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    [GeneratedRegex(@"^(?<name>[A-Za-z_$][\w.$-]*)\((?<key>.+)\)$", RegexOptions.Singleline)]
    private static partial Regex KeySegment();
}
