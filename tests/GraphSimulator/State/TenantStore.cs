using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphSimulator.State;

/// <summary>
/// Holds the loaded tenant document and the live state built from it. Handlers run under <see cref="Sync"/>,
/// so mutations (PATCH, later TAP creation) are atomic for readers. <see cref="Reset"/> rebuilds the live state
/// from the loaded document, undoing every mutation.
/// </summary>
internal sealed class TenantStore
{
    private readonly JsonObject _loaded;

    private TenantStore(JsonObject loaded)
    {
        _loaded = loaded;
        State = TenantState.Load((JsonObject)loaded.DeepClone());
    }

    public object Sync { get; } = new();

    public TenantState State { get; private set; }

    /// <summary>Loads a tenant: relative times are resolved against <paramref name="now"/> once, here.</summary>
    public static TenantStore Load(JsonObject document, DateTimeOffset now)
    {
        var copy = (JsonObject)document.DeepClone();
        RelativeTimes.Resolve(copy, now);
        return new TenantStore(copy);
    }

    public static JsonObject ReadFile(string path) =>
        JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }) as JsonObject ?? throw new InvalidDataException($"The tenant file '{path}' must hold a JSON object.");

    public void Reset()
    {
        lock (Sync)
        {
            State = TenantState.Load((JsonObject)_loaded.DeepClone());
        }
    }
}
