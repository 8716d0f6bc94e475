using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GraphSimulator.State;

/// <summary>
/// Replaces string values <c>@now</c>, <c>@now-30m</c>, <c>@now+2h</c>, <c>@now-3d</c> (units s, m, h, d)
/// anywhere in a tenant document by UTC timestamps "yyyy-MM-ddTHH:mm:ssZ".
/// </summary>
internal static partial class RelativeTimes
{
    public static void Resolve(JsonNode? node, DateTimeOffset now)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (TryResolve(obj[name], now, out var value))
                    {
                        obj[name] = value;
                    }
                    else
                    {
                        Resolve(obj[name], now);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (TryResolve(array[i], now, out var value))
                    {
                        array[i] = value;
                    }
                    else
                    {
                        Resolve(array[i], now);
                    }
                }

                break;
        }
    }

    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static bool TryResolve(JsonNode? node, DateTimeOffset now, out string value)
    {
        value = string.Empty;
        if (node is not JsonValue v || !v.TryGetValue(out string? text))
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var instant = now;
        if (match.Groups["amount"].Success)
        {
            var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
            if (match.Groups["sign"].Value == "-")
            {
                amount = -amount;
            }

            instant = match.Groups["unit"].Value switch
            {
                "s" => now.AddSeconds(amount),
                "m" => now.AddMinutes(amount),
                "h" => now.AddHours(amount),
                _ => now.AddDays(amount),
            };
        }

        value = Format(instant);
        return true;
    }

    [GeneratedRegex(@"^@now(?:(?<sign>[+-])(?<amount>\d{1,9})(?<unit>[smhd]))?$")]
    private static partial Regex Pattern();
}
