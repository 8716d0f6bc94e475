using System;
using System.Collections.Generic;
using System.Linq;

namespace GraphSimulator.Routing;

/// <summary>
/// A route template such as <c>users/{user}/memberOf/{cast:graph.group|microsoft.graph.group}</c>.
/// Literal segments match case-insensitively (as Graph does); <c>{name}</c> captures any segment;
/// <c>{name:a|b}</c> captures one of the listed values.
/// </summary>
internal sealed class RoutePattern
{
    private readonly Part[] _parts;

    public RoutePattern(string template)
    {
        Template = template;
        _parts = template.Split('/').Select(Part.Parse).ToArray();
    }

    public string Template { get; }

    public bool TryMatch(IReadOnlyList<string> segments, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (segments.Count != _parts.Length)
        {
            return false;
        }

        for (var i = 0; i < _parts.Length; i++)
        {
            if (!_parts[i].Matches(segments[i]))
            {
                return false;
            }

            if (_parts[i].Parameter is { } name)
            {
                values[name] = segments[i];
            }
        }

        return true;
    }

    /// <summary>How many leading segments this template accepts (to name the first unknown segment in a 400).</summary>
    public int MatchingPrefixLength(IReadOnlyList<string> segments)
    {
        var length = 0;
        while (length < segments.Count && length < _parts.Length && _parts[length].Matches(segments[length]))
        {
            length++;
        }

        return length;
    }

    private sealed record Part(string? Parameter, string[]? Allowed)
    {
        public static Part Parse(string text)
        {
            if (!text.StartsWith('{'))
            {
                return new Part(null, [text]);
            }

            var body = text.Trim('{', '}');
            var colon = body.IndexOf(':', StringComparison.Ordinal);
            return colon < 0
                ? new Part(body, null)
                : new Part(body[..colon], body[(colon + 1)..].Split('|'));
        }

        public bool Matches(string segment) =>
            Allowed is null
                ? segment.Length > 0
                : Array.Exists(Allowed, a => string.Equals(a, segment, StringComparison.OrdinalIgnoreCase));
    }
}
