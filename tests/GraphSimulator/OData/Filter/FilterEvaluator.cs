using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphSimulator.Pipeline;

namespace GraphSimulator.OData.Filter;

/// <summary>
/// Evaluates a parsed $filter against one stored JSON object. String comparison is case-insensitive (as the
/// directory compares); GUID and date-time literals compare with stored strings by value; comparing values of
/// incompatible types is Graph's 400.
/// </summary>
internal static class FilterEvaluator
{
    public static bool Matches(FilterNode filter, JsonObject item) =>
        Evaluate(filter, new Scope(item, null)) is true;

    private static object? Evaluate(FilterNode node, Scope scope) => node switch
    {
        AndNode and => Evaluate(and.Left, scope) is true && Evaluate(and.Right, scope) is true,
        OrNode or => Evaluate(or.Left, scope) is true || Evaluate(or.Right, scope) is true,
        ComparisonNode comparison => Compare(comparison.Operator, Evaluate(comparison.Left, scope), Evaluate(comparison.Right, scope)),
        InNode inNode => EvaluateIn(inNode, scope),
        LiteralNode literal => literal.Value,
        PropertyPathNode path => ToValue(Resolve(path.Segments, scope)),
        LambdaNode lambda => EvaluateLambda(lambda, scope),
        StartsWithNode startsWith => StartsWith(Evaluate(startsWith.Target, scope), Evaluate(startsWith.Prefix, scope)),
        _ => throw new InvalidOperationException($"Unknown filter node {node.GetType().Name}."),
    };

    private static bool EvaluateIn(InNode node, Scope scope)
    {
        var value = Evaluate(node.Operand, scope);
        return node.Values.Any(v => Compare(ComparisonOperator.Equal, value, v.Value));
    }

    private static bool EvaluateLambda(LambdaNode lambda, Scope scope)
    {
        var elements = Resolve(lambda.Collection.Segments, scope) switch
        {
            JsonArray array => array.ToList(),
            null => [],
            _ => throw GraphErrors.BadRequest(
                $"Invalid filter clause: '{lambda.Collection}' is not a collection, so any/all cannot be applied to it."),
        };
        if (lambda.Predicate is null)
        {
            return elements.Count > 0;
        }

        bool Holds(JsonNode? element) => Evaluate(lambda.Predicate, scope.With(lambda.Variable!, element)) is true;
        return lambda.IsAny ? elements.Any(Holds) : elements.All(Holds);
    }

    private static bool StartsWith(object? target, object? prefix) =>
        target is string text && prefix is string start && text.StartsWith(start, StringComparison.OrdinalIgnoreCase);

    private static JsonNode? Resolve(IReadOnlyList<string> segments, Scope scope)
    {
        var index = 0;
        JsonNode? current = scope.Item;
        if (scope.TryGetVariable(segments[0], out var bound))
        {
            current = bound;
            index = 1;
        }

        for (; index < segments.Count; index++)
        {
            if (current is not JsonObject obj)
            {
                return null;
            }

            current = Property(obj, segments[index]);
        }

        return current;
    }

    /// <summary>Property names match exactly first, then case-insensitively (the directory is lenient here).</summary>
    private static JsonNode? Property(JsonObject obj, string name)
    {
        if (obj.TryGetPropertyValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, node) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>JSON scalars become CLR values; arrays and objects stay nodes (only any/all and paths may use them).</summary>
    /// <remarks>Every arm is typed object? on purpose: JsonNode's implicit conversions would otherwise turn the
    /// scalars straight back into JsonValues.</remarks>
    private static object? ToValue(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return node;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => (object?)value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => value.TryGetValue(out decimal d) ? d : (decimal)value.GetValue<double>(),
            _ => null,
        };
    }

    private static bool Compare(ComparisonOperator op, object? left, object? right)
    {
        if (left is JsonNode || right is JsonNode)
        {
            throw GraphErrors.BadRequest(
                "Invalid filter clause: a collection or complex property cannot be compared directly; use any() or a property path.");
        }

        if (left is null || right is null)
        {
            return op switch
            {
                ComparisonOperator.Equal => left is null && right is null,
                ComparisonOperator.NotEqual => !(left is null && right is null),
                _ => false,
            };
        }

        (left, right) = Coerce(left, right);
        int order;
        switch (left, right)
        {
            case (string a, string b):
                order = string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
                break;
            case (decimal a, decimal b):
                order = a.CompareTo(b);
                break;
            case (DateTimeOffset a, DateTimeOffset b):
                order = a.CompareTo(b);
                break;
            case (Guid a, Guid b):
                order = a.CompareTo(b);
                break;
            case (bool a, bool b) when op is ComparisonOperator.Equal or ComparisonOperator.NotEqual:
                order = a == b ? 0 : 1;
                break;
            default:
                throw GraphErrors.BadRequest(
                    $"Invalid filter clause: a binary operator with incompatible types was detected. Found operand types " +
                    $"'{EdmName(left)}' and '{EdmName(right)}' for operator kind '{op}'.");
        }

        return op switch
        {
            ComparisonOperator.Equal => order == 0,
            ComparisonOperator.NotEqual => order != 0,
            ComparisonOperator.GreaterThan => order > 0,
            ComparisonOperator.GreaterOrEqual => order >= 0,
            ComparisonOperator.LessThan => order < 0,
            _ => order <= 0,
        };
    }

    /// <summary>Stored values are JSON strings; a GUID or date-time literal makes the other side typed too.</summary>
    private static (object Left, object Right) Coerce(object left, object right)
    {
        static object Convert(object value, object other) => (value, other) switch
        {
            (string s, Guid) when Guid.TryParse(s, out var g) => g,
            (string s, DateTimeOffset) when DateTimeOffset.TryParse(
                s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t,
            _ => value,
        };

        return (Convert(left, right), Convert(right, left));
    }

    private static string EdmName(object value) => value switch
    {
        string => "Edm.String",
        bool => "Edm.Boolean",
        decimal => "Edm.Decimal",
        Guid => "Edm.Guid",
        DateTimeOffset => "Edm.DateTimeOffset",
        _ => value.GetType().Name,
    };

    private sealed class Scope(JsonObject item, Dictionary<string, JsonNode?>? variables)
    {
        public JsonObject Item { get; } = item;

        public Scope With(string name, JsonNode? value)
        {
            var next = variables is null
                ? new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
                : new Dictionary<string, JsonNode?>(variables, StringComparer.Ordinal);
            next[name] = value;
            return new Scope(Item, next);
        }

        public bool TryGetVariable(string name, out JsonNode? value)
        {
            value = null;
            return variables is not null && variables.TryGetValue(name, out value);
        }
    }
}
