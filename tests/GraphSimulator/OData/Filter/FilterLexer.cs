using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace GraphSimulator.OData.Filter;

internal enum TokenKind
{
    Identifier,
    Literal,
    OpenParen,
    CloseParen,
    Comma,
    Slash,
    Colon,
    End,
}

internal readonly record struct FilterToken(TokenKind Kind, string Text, object? Value, int Position);

/// <summary>
/// Splits a $filter into tokens. Literals: 'strings' (with '' for an apostrophe), numbers, true/false/null,
/// unquoted GUIDs and ISO 8601 date-times (Edm.Guid, Edm.DateTimeOffset).
/// </summary>
internal static partial class FilterLexer
{
    public static List<FilterToken> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            switch (c)
            {
                case '(': tokens.Add(new(TokenKind.OpenParen, "(", null, i++)); continue;
                case ')': tokens.Add(new(TokenKind.CloseParen, ")", null, i++)); continue;
                case ',': tokens.Add(new(TokenKind.Comma, ",", null, i++)); continue;
                case '/': tokens.Add(new(TokenKind.Slash, "/", null, i++)); continue;
                case ':': tokens.Add(new(TokenKind.Colon, ":", null, i++)); continue;
                case '\'': tokens.Add(ReadString(text, ref i)); continue;
            }

            var rest = text.AsSpan(i);
            if (Guid().Match(text, i) is { Success: true } guid && guid.Index == i)
            {
                i += guid.Length;
                tokens.Add(new(TokenKind.Literal, guid.Value, System.Guid.Parse(guid.Value), start));
            }
            else if (DateTime().Match(text, i) is { Success: true } time && time.Index == i)
            {
                i += time.Length;
                var value = DateTimeOffset.Parse(time.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                tokens.Add(new(TokenKind.Literal, time.Value, value, start));
            }
            else if (char.IsDigit(c) || (c == '-' && rest.Length > 1 && char.IsDigit(rest[1])))
            {
                i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] is '.' or 'e' or 'E' ||
                       (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }

                var number = text[start..i];
                if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    throw new FilterSyntaxException($"'{number}' is not a valid number", start);
                }

                tokens.Add(new(TokenKind.Literal, number, parsed, start));
            }
            else if (char.IsLetter(c) || c is '_' or '$' or '@')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '$' or '@'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(word switch
                {
                    "true" => new(TokenKind.Literal, word, true, start),
                    "false" => new(TokenKind.Literal, word, false, start),
                    "null" => new(TokenKind.Literal, word, null, start),
                    _ => new(TokenKind.Identifier, word, null, start),
                });
            }
            else
            {
                throw new FilterSyntaxException($"unexpected character '{c}'", i);
            }
        }

        tokens.Add(new(TokenKind.End, "", null, text.Length));
        return tokens;
    }

    private static FilterToken ReadString(string text, ref int i)
    {
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i += 2;
                    continue;
                }

                i++;
                return new FilterToken(TokenKind.Literal, text[start..i], value.ToString(), start);
            }

            value.Append(text[i++]);
        }

        throw new FilterSyntaxException("unterminated string literal", start);
    }

    [GeneratedRegex(@"\G[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![\w-])")]
    private static partial Regex Guid();

    [GeneratedRegex(@"\G\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})?)?(?![\w:.-])")]
    private static partial Regex DateTime();
}

/// <summary>A malformed $filter; the message names the problem and the position.</summary>
internal sealed class FilterSyntaxException(string problem, int position) : Exception(problem)
{
    public int Position { get; } = position;
}

/// <summary>A well-formed $filter that uses something the simulator (like Graph for directory objects) does not support.</summary>
internal sealed class FilterNotSupportedException(string message) : Exception(message);
