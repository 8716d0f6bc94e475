using System;
using System.Collections.Generic;

namespace GraphSimulator.OData.Filter;

/// <summary>
/// Recursive-descent parser for the $filter subset Graph's directory supports:
/// <code>
/// expr       := and ('or' and)*
/// and        := comparison ('and' comparison)*
/// comparison := primary (('eq'|'ne'|'gt'|'ge'|'lt'|'le') primary | 'in' '(' literal (',' literal)* ')')?
/// primary    := '(' expr ')' | literal | function '(' args ')' | path
/// path       := identifier ('/' identifier)* ('/' ('any'|'all') '(' [identifier ':' expr] ')')?
/// </code>
/// Operators and function names are case-insensitive.
/// </summary>
internal sealed class FilterParser
{
    private static readonly Dictionary<string, ComparisonOperator> Comparisons = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eq"] = ComparisonOperator.Equal,
        ["ne"] = ComparisonOperator.NotEqual,
        ["gt"] = ComparisonOperator.GreaterThan,
        ["ge"] = ComparisonOperator.GreaterOrEqual,
        ["lt"] = ComparisonOperator.LessThan,
        ["le"] = ComparisonOperator.LessOrEqual,
    };

    private static readonly HashSet<string> UnsupportedOperators = new(StringComparer.OrdinalIgnoreCase)
    {
        "has", "add", "sub", "mul", "div", "divby", "mod",
    };

    private readonly List<FilterToken> _tokens;
    private int _next;

    private FilterParser(List<FilterToken> tokens) => _tokens = tokens;

    private FilterToken Current => _tokens[_next];

    /// <summary>Parses a $filter; throws <see cref="FilterSyntaxException"/> or <see cref="FilterNotSupportedException"/>.</summary>
    public static FilterNode Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FilterSyntaxException("the expression is empty", 0);
        }

        var parser = new FilterParser(FilterLexer.Tokenize(text));
        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new FilterSyntaxException($"unexpected '{parser.Current.Text}'", parser.Current.Position);
        }

        return node;
    }

    private FilterNode ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or"))
        {
            _next++;
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private FilterNode ParseAnd()
    {
        var left = ParseComparison();
        while (IsKeyword("and"))
        {
            _next++;
            left = new AndNode(left, ParseComparison());
        }

        return left;
    }

    private FilterNode ParseComparison()
    {
        if (IsKeyword("not"))
        {
            throw new FilterNotSupportedException("The 'not' operator is not supported.");
        }

        var left = ParsePrimary();
        if (Current.Kind != TokenKind.Identifier || IsKeyword("and") || IsKeyword("or"))
        {
            return left;
        }

        if (Comparisons.TryGetValue(Current.Text, out var op))
        {
            _next++;
            return new ComparisonNode(op, left, ParsePrimary());
        }

        if (IsKeyword("in"))
        {
            _next++;
            return new InNode(left, ParseLiteralList());
        }

        if (UnsupportedOperators.Contains(Current.Text))
        {
            throw new FilterNotSupportedException($"The '{Current.Text}' operator is not supported.");
        }

        throw new FilterSyntaxException($"expected an operator but found '{Current.Text}'", Current.Position);
    }

    private List<LiteralNode> ParseLiteralList()
    {
        Expect(TokenKind.OpenParen, "'(' after 'in'");
        var values = new List<LiteralNode>();
        do
        {
            if (Current.Kind != TokenKind.Literal)
            {
                throw new FilterSyntaxException($"expected a literal in the 'in' list but found '{Current.Text}'", Current.Position);
            }

            values.Add(new LiteralNode(Current.Value));
            _next++;
        }
        while (TryTake(TokenKind.Comma));

        Expect(TokenKind.CloseParen, "')' to close the 'in' list");
        return values;
    }

    private FilterNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.OpenParen:
                _next++;
                var inner = ParseOr();
                Expect(TokenKind.CloseParen, "')'");
                return inner;
            case TokenKind.Literal:
                _next++;
                return new LiteralNode(token.Value);
            case TokenKind.Identifier when _tokens[_next + 1].Kind == TokenKind.OpenParen:
                return ParseFunction();
            case TokenKind.Identifier:
                return ParsePath();
            case TokenKind.End:
                throw new FilterSyntaxException("the expression ends too early", token.Position);
            default:
                throw new FilterSyntaxException($"unexpected '{token.Text}'", token.Position);
        }
    }

    private FilterNode ParseFunction()
    {
        var name = Current;
        if (!string.Equals(name.Text, "startswith", StringComparison.OrdinalIgnoreCase))
        {
            throw new FilterNotSupportedException($"The function '{name.Text}' is not supported.");
        }

        _next += 2;
        var target = ParseOr();
        Expect(TokenKind.Comma, "',' between the arguments of startswith");
        var prefix = ParseOr();
        Expect(TokenKind.CloseParen, "')' to close startswith");
        return new StartsWithNode(target, prefix);
    }

    private FilterNode ParsePath()
    {
        var segments = new List<string> { Current.Text };
        _next++;
        while (Current.Kind == TokenKind.Slash)
        {
            _next++;
            if (Current.Kind != TokenKind.Identifier)
            {
                throw new FilterSyntaxException($"expected a property name after '/' but found '{Current.Text}'", Current.Position);
            }

            var word = Current.Text;
            if (_tokens[_next + 1].Kind == TokenKind.OpenParen)
            {
                var isAny = string.Equals(word, "any", StringComparison.OrdinalIgnoreCase);
                if (!isAny && !string.Equals(word, "all", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FilterNotSupportedException($"The function '{word}' is not supported.");
                }

                return ParseLambda(new PropertyPathNode(segments), isAny);
            }

            segments.Add(word);
            _next++;
        }

        return new PropertyPathNode(segments);
    }

    private LambdaNode ParseLambda(PropertyPathNode collection, bool isAny)
    {
        _next += 2;
        if (TryTake(TokenKind.CloseParen))
        {
            if (!isAny)
            {
                throw new FilterSyntaxException("all() needs a range variable and a predicate", Current.Position);
            }

            return new LambdaNode(collection, true, null, null);
        }

        if (Current.Kind != TokenKind.Identifier || _tokens[_next + 1].Kind != TokenKind.Colon)
        {
            throw new FilterSyntaxException("expected 'variable:' at the start of the lambda", Current.Position);
        }

        var variable = Current.Text;
        _next += 2;
        var predicate = ParseOr();
        Expect(TokenKind.CloseParen, "')' to close the lambda");
        return new LambdaNode(collection, isAny, variable, predicate);
    }

    private bool IsKeyword(string keyword) =>
        Current.Kind == TokenKind.Identifier && string.Equals(Current.Text, keyword, StringComparison.OrdinalIgnoreCase);

    private bool TryTake(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _next++;
        return true;
    }

    private void Expect(TokenKind kind, string what)
    {
        if (!TryTake(kind))
        {
            var found = Current.Kind == TokenKind.End ? "the end of the expression" : $"'{Current.Text}'";
            throw new FilterSyntaxException($"expected {what} but found {found}", Current.Position);
        }
    }
}
