using System.Text.Json.Nodes;

namespace GraphSimulator.OData;

/// <summary>
/// Graph annotates a navigation property it expands on its own (a policy's method configurations and their include
/// targets, a Conditional Access policy's authentication strength and its combination configurations) with the
/// property's own context URL, written just before the property: <c>"includeTargets@odata.context": "…"</c>.
/// </summary>
internal static class NavigationContext
{
    /// <summary>Adds the annotation before <paramref name="property"/> when the object holds a value for it.</summary>
    public static void Annotate(JsonObject item, string property, string contextUrl)
    {
        var index = item.IndexOf(property);
        if (index < 0 || item[property] is null)
        {
            return;
        }

        item.Remove(property + "@odata.context");
        item.Insert(item.IndexOf(property), property + "@odata.context", contextUrl);
    }
}
