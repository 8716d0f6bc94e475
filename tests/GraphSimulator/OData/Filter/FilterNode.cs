using System.Collections.Generic;

namespace GraphSimulator.OData.Filter;

/// <summary>The parsed $filter expression.</summary>
internal abstract record FilterNode;

internal sealed record AndNode(FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record OrNode(FilterNode Left, FilterNode Right) : FilterNode;

internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
}

internal sealed record ComparisonNode(ComparisonOperator Operator, FilterNode Left, FilterNode Right) : FilterNode;

internal sealed record InNode(FilterNode Operand, IReadOnlyList<LiteralNode> Values) : FilterNode;

/// <summary>A literal: string, bool, decimal, System.Guid, System.DateTimeOffset or null.</summary>
internal sealed record LiteralNode(object? Value) : FilterNode;

/// <summary>A property path such as <c>deviceDetail/browser</c>; inside a lambda it may start with the range variable.</summary>
internal sealed record PropertyPathNode(IReadOnlyList<string> Segments) : FilterNode
{
    public override string ToString() => string.Join('/', Segments);
}

/// <summary><c>path/any(x: predicate)</c>, <c>path/all(x: predicate)</c> or <c>path/any()</c>.</summary>
internal sealed record LambdaNode(PropertyPathNode Collection, bool IsAny, string? Variable, FilterNode? Predicate) : FilterNode;

internal sealed record StartsWithNode(FilterNode Target, FilterNode Prefix) : FilterNode;
