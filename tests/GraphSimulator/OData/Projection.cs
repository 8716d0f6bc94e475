using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace GraphSimulator.OData;

/// <summary>
/// Turns a stored object into what Graph returns: the $select list, else the resource's default properties, else
/// every stored property except internal ones. <c>@odata.type</c> and <c>id</c> are always kept; a selected
/// property the object does not hold is written as null (as Graph writes unset properties).
/// </summary>
internal static class Projection
{
    private static readonly IReadOnlySet<string> NoHidden = new HashSet<string>();

    public static JsonObject Render(
        JsonObject source,
        IReadOnlyList<string>? select,
        IReadOnlyList<string>? defaults = null,
        IReadOnlySet<string>? hidden = null,
        string? odataType = null)
    {
        hidden ??= NoHidden;
        var output = new JsonObject();
        var type = odataType ?? (source["@odata.type"] as JsonValue)?.GetValue<string>();
        if (type is not null)
        {
            output["@odata.type"] = type;
        }

        var names = select ?? defaults;
        if (names is null)
        {
            foreach (var (name, value) in source)
            {
                if (name != "@odata.type" && !hidden.Contains(name))
                {
                    output[name] = value?.DeepClone();
                }
            }

            return output;
        }

        if (source.TryGetPropertyValue("id", out var id))
        {
            output["id"] = id?.DeepClone();
        }

        foreach (var requested in names)
        {
            var (name, value) = hidden.Contains(requested) ? (requested, null) : Find(source, requested);
            if (name is not ("id" or "@odata.type"))
            {
                output[name] = value?.DeepClone();
            }
        }

        return output;
    }

    private static (string Name, JsonNode? Value) Find(JsonObject source, string requested)
    {
        if (source.TryGetPropertyValue(requested, out var exact))
        {
            return (requested, exact);
        }

        foreach (var (name, value) in source)
        {
            if (string.Equals(name, requested, StringComparison.OrdinalIgnoreCase))
            {
                return (name, value);
            }
        }

        return (requested, null);
    }
}
