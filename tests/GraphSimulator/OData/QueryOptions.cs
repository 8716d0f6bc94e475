using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GraphSimulator.OData.Filter;
using GraphSimulator.Pipeline;

namespace GraphSimulator.OData;

internal sealed record OrderByClause(string Property, bool Descending);

/// <summary>The OData system query options of one request, validated.</summary>
internal sealed class QueryOptions
{
    private static readonly HashSet<string> Unsupported = new(StringComparer.Ordinal)
    {
        "$expand", "$search", "$skip", "$apply", "$compute", "$levels",
    };

    public IReadOnlyList<string>? Select { get; private init; }

    public int? Top { get; private init; }

    public string? SkipToken { get; private init; }

    public bool Count { get; private init; }

    public FilterNode? Filter { get; private init; }

    public string? FilterText { get; private init; }

    public IReadOnlyList<OrderByClause>? OrderBy { get; private init; }

    public string? OrderByText { get; private init; }

    /// <summary>Parses the decoded query pairs; throws Graph's 400s for malformed or unsupported options.</summary>
    public static QueryOptions Parse(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            if (!name.StartsWith('$'))
            {
                continue;
            }

            if (!options.TryAdd(name, value))
            {
                throw GraphErrors.BadRequest(
                    $"Query option '{name}' was specified more than once, but it must be specified at most once.");
            }

            if (Unsupported.Contains(name))
            {
                throw GraphErrors.UnsupportedQuery($"The query option '{name}' is not supported by the simulator.");
            }

            if (name is not ("$select" or "$top" or "$skiptoken" or "$count" or "$filter" or "$orderby" or "$format"))
            {
                throw GraphErrors.BadRequest($"The query parameter '{name}' is not supported.");
            }
        }

        var filterText = options.GetValueOrDefault("$filter");
        var orderByText = options.GetValueOrDefault("$orderby");
        return new QueryOptions
        {
            Select = options.TryGetValue("$select", out var select) ? ParseSelect(select) : null,
            Top = options.TryGetValue("$top", out var top) ? ParseTop(top) : null,
            SkipToken = options.GetValueOrDefault("$skiptoken"),
            Count = options.TryGetValue("$count", out var count) && ParseCount(count),
            FilterText = filterText,
            Filter = filterText is null ? null : ParseFilter(filterText),
            OrderByText = orderByText,
            OrderBy = orderByText is null ? null : ParseOrderBy(orderByText),
        };
    }

    private static List<string> ParseSelect(string text)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (names.Count == 0)
        {
            throw GraphErrors.BadRequest("The $select query option must name at least one property.");
        }

        return names;
    }

    private static int ParseTop(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var top)
            ? top
            : throw GraphErrors.BadRequest(
                $"Invalid value '{text}' for $top query option found. The $top query option requires a non-negative integer value.");

    private static bool ParseCount(string text) => text switch
    {
        "true" => true,
        "false" => false,
        _ => throw GraphErrors.BadRequest($"'{text}' is not a valid count option."),
    };

    private static FilterNode ParseFilter(string text)
    {
        try
        {
            return FilterParser.Parse(text);
        }
        catch (FilterSyntaxException e)
        {
            throw GraphErrors.BadRequest($"Invalid filter clause: {e.Message} at position {e.Position} in '{text}'.");
        }
        catch (FilterNotSupportedException e)
        {
            throw GraphErrors.UnsupportedQuery($"Unsupported query: {e.Message}");
        }
    }

    private static List<OrderByClause> ParseOrderBy(string text)
    {
        var clauses = new List<OrderByClause>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var descending = words.Length == 2 && string.Equals(words[1], "desc", StringComparison.OrdinalIgnoreCase);
            if (words.Length > 2 || (words.Length == 2 && !descending && !string.Equals(words[1], "asc", StringComparison.OrdinalIgnoreCase)))
            {
                throw GraphErrors.BadRequest($"Invalid $orderby clause '{part}'.");
            }

            clauses.Add(new OrderByClause(words[0], descending));
        }

        return clauses.Count > 0 ? clauses : throw GraphErrors.BadRequest("The $orderby query option is empty.");
    }
}
