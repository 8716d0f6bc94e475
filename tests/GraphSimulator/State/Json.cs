using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace GraphSimulator.State;

/// <summary>Small readers over stored Graph JSON.</summary>
internal static class Json
{
    public static string? String(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    public static bool? Bool(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue(out bool b) ? b : null;

    public static int? Int(JsonObject obj, string name) =>
        obj[name] is JsonValue v && v.TryGetValue(out int i) ? i : null;

    public static DateTimeOffset? Time(JsonObject obj, string name) =>
        String(obj, name) is { } text && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    public static IEnumerable<JsonObject> Objects(JsonObject obj, string name) =>
        obj[name] is JsonArray array ? array.OfType<JsonObject>() : [];

    public static IEnumerable<string> Strings(JsonObject obj, string name) =>
        obj[name] is JsonArray array
            ? array.OfType<JsonValue>().Select(v => v.TryGetValue(out string? s) ? s : null).OfType<string>()
            : [];

    public static string Id(JsonObject obj) => String(obj, "id") ?? string.Empty;

    public static bool SameId(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
