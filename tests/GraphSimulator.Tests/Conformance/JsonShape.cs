using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphSimulator.Tests.Conformance;

/// <summary>
/// Compares a reply with a documented example by shape, not by value: the same property names at every level and
/// the same JSON value kinds. The rules (tests/Conformance/README.md):
/// <list type="bullet">
/// <item>a null on either side matches any kind (a documented null says the property may be null; a null in a
/// reply says this object has no value);</item>
/// <item>every element of a reply's array must match one documented element of an array at the same place (in any
/// documented object there: a list example may fill an array in one item and leave it empty in another); elements
/// that carry an <c>@odata.type</c> are compared with documented elements of the same type; where the documentation
/// has no element at that place, a reply whose array has elements there is a difference;</item>
/// <item><c>@odata.nextLink</c>, <c>@odata.count</c> and <c>@microsoft.graph.tips</c> depend on the query and the
/// page, not on the resource, and are left out on both sides;</item>
/// <item>objects under an "open" property name (a $batch item's <c>headers</c>) hold whatever names the answering
/// service sends and are compared by kind only.</item>
/// </list>
/// </summary>
internal static class JsonShape
{
    private static readonly HashSet<string> PagingAnnotations = new(StringComparer.Ordinal)
    {
        "@odata.nextLink", "@odata.count", "@microsoft.graph.tips",
    };

    /// <summary>Every way <paramref name="reply"/> differs in shape from <paramref name="documented"/>; empty when none.</summary>
    public static IReadOnlyList<string> Differences(JsonNode? documented, JsonNode? reply, params string[] openProperties)
    {
        var differences = new List<string>();
        var elements = new Dictionary<string, List<JsonNode?>>(StringComparer.Ordinal);
        CollectElements(documented, "$", elements);
        new Comparison(elements, new HashSet<string>(openProperties, StringComparer.Ordinal)).Compare(documented, reply, "$", "$", differences);
        return differences;
    }

    /// <summary>
    /// The documented example as a <c>$select</c> would return it: each object (or each element of <c>value</c>)
    /// keeps the selected properties and its <c>@odata.type</c>.
    /// </summary>
    public static JsonNode Select(JsonNode documented, IReadOnlyCollection<string> properties)
    {
        var copy = documented.DeepClone();
        var items = copy is JsonObject root && root["value"] is JsonArray value ? value.OfType<JsonObject>() : new[] { copy.AsObject() };
        foreach (var item in items)
        {
            foreach (var name in item.Select(p => p.Key).ToList())
            {
                if (!name.StartsWith('@') && !properties.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    item.Remove(name);
                }
            }
        }

        return copy;
    }

    /// <summary>
    /// Documented array elements by place: the path with every index written as [] ([type] inside an element with an
    /// @odata.type, so the targets of an SMS configuration are compared with documented SMS targets only).
    /// </summary>
    private static void CollectElements(JsonNode? node, string place, Dictionary<string, List<JsonNode?>> elements)
    {
        switch (node)
        {
            case JsonObject item:
                foreach (var (name, value) in item)
                {
                    CollectElements(value, $"{place}.{name}", elements);
                }

                return;
            case JsonArray array:
                if (!elements.TryGetValue(place, out var list))
                {
                    elements[place] = list = new List<JsonNode?>();
                }

                foreach (var element in array)
                {
                    list.Add(element);
                    CollectElements(element, ElementPlace(place, element), elements);
                }

                return;
        }
    }

    private sealed class Comparison(Dictionary<string, List<JsonNode?>> elements, HashSet<string> open)
    {
        public void Compare(JsonNode? documented, JsonNode? reply, string path, string place, List<string> differences)
        {
            if (documented is null || reply is null)
            {
                return;
            }

            var expected = Kind(documented);
            var actual = Kind(reply);
            if (expected != actual)
            {
                differences.Add($"{path}: documented as {expected}, the reply has {actual}");
                return;
            }

            switch (documented)
            {
                case JsonObject when open.Contains(LastName(path)):
                    return;
                case JsonObject documentedObject:
                    CompareObjects(documentedObject, reply.AsObject(), path, place, differences);
                    return;
                case JsonArray:
                    CompareArrays(reply.AsArray(), path, place, differences);
                    return;
            }
        }

        private void CompareObjects(JsonObject documented, JsonObject reply, string path, string place, List<string> differences)
        {
            var documentedNames = documented.Select(p => p.Key).Where(n => !PagingAnnotations.Contains(n)).ToList();
            var replyNames = reply.Select(p => p.Key).Where(n => !PagingAnnotations.Contains(n)).ToList();
            differences.AddRange(replyNames.Except(documentedNames, StringComparer.Ordinal).Select(n => $"{path}.{n}: not in the documented shape"));
            differences.AddRange(documentedNames.Except(replyNames, StringComparer.Ordinal).Select(n => $"{path}.{n}: documented but missing from the reply"));
            foreach (var name in documentedNames.Intersect(replyNames, StringComparer.Ordinal))
            {
                Compare(documented[name], reply[name], $"{path}.{name}", $"{place}.{name}", differences);
            }
        }

        private void CompareArrays(JsonArray reply, string path, string place, List<string> differences)
        {
            for (var i = 0; i < reply.Count; i++)
            {
                var element = reply[i];
                var elementPath = $"{path}[{i}]";
                var type = ODataType(element);
                var documented = elements.TryGetValue(place, out var found) ? found : new List<JsonNode?>();
                var candidates = documented.Where(d => type is null || ODataType(d) == type).ToList();
                if (candidates.Count == 0)
                {
                    differences.Add(type is null
                        ? $"{elementPath}: the documented example has no element here to compare with"
                        : $"{elementPath}: @odata.type {type} is not in the documented example");
                    continue;
                }

                var closest = candidates
                    .Select(c =>
                    {
                        var seen = new List<string>();
                        Compare(c, element, elementPath, ElementPlace(place, element), seen);
                        return seen;
                    })
                    .OrderBy(seen => seen.Count)
                    .First();
                differences.AddRange(closest);
            }
        }
    }

    private static string ElementPlace(string arrayPlace, JsonNode? element) => $"{arrayPlace}[{ODataType(element)}]";

    private static string? ODataType(JsonNode? node) =>
        node is JsonObject item && item["@odata.type"] is JsonValue value ? value.ToString() : null;

    private static string LastName(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? path : path[(dot + 1)..];
    }

    private static string Kind(JsonNode node) => node switch
    {
        JsonObject => "an object",
        JsonArray => "an array",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            var other => other.ToString(),
        },
    };
}
