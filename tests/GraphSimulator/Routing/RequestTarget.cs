using System;
using System.Collections.Generic;
using System.Linq;
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
    /// <summary>Path segments OData gives a meaning of their own; any other plain segment starting with '$' is refused.</summary>
    private static readonly HashSet<string> SystemSegments = new(StringComparer.OrdinalIgnoreCase) { "$batch", "$count", "$ref", "$value", "$metadata" };

    private RequestTarget(string rawPath, IReadOnlyList<string> segments, IReadOnlyList<KeyValuePair<string, string>> query, string? dollarSegment)
    {
        RawPath = rawPath;
        Segments = segments;
        Query = query;
        DollarSegment = dollarSegment;
    }

    /// <summary>The path as received (still percent-encoded), without leading slash or query.</summary>
    public string RawPath { get; }

    public IReadOnlyList<string> Segments { get; }

    /// <summary>
    /// A plain path segment that starts with '$' but is no OData system segment (<c>users/$adele@contoso.com</c>):
    /// Graph answers 400, and a key that starts with '$' must be written <c>users('$adele@contoso.com')</c> (user-get.md).
    /// </summary>
    public string? DollarSegment { get; }

    /// <summary>Decoded query pairs in their original order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    /// <summary>
    /// An unencoded '#' starts a URL fragment, which is not part of the request: a $batch item URL such as
    /// <c>/users/gus_fabrikam.com#EXT#@contoso.onmicrosoft.com</c> asks Graph for <c>/users/gus_fabrikam.com</c>, so a
    /// guest's UPN must be sent with <c>%23</c> (user-get.md). HTTP clients drop fragments themselves.
    /// </summary>
    public static RequestTarget Parse(string pathAndQuery)
    {
        var fragment = pathAndQuery.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            pathAndQuery = pathAndQuery[..fragment];
        }

        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var rawPath = (queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart]).Trim('/');
        var rawQuery = queryStart < 0 ? string.Empty : pathAndQuery[(queryStart + 1)..];
        var dollar = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(Uri.UnescapeDataString)
            .FirstOrDefault(s => s.StartsWith('$') && !SystemSegments.Contains(s));
        return new RequestTarget(rawPath, ParseSegments(rawPath), ParseQuery(rawQuery), dollar);
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
