using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphSimulator.State;

/// <summary>
/// Holds the live state built from the tenant document. Handlers run under <see cref="Sync"/>, so mutations (PATCH,
/// later TAP creation) are atomic for readers. <see cref="Reset"/> rebuilds the live state from a pristine document,
/// undoing every mutation: a loaded file is kept as a copy; a generated tenant is generated again instead, so a
/// tenant of 100,000 users is held in memory once.
/// </summary>
internal sealed class TenantStore
{
    private readonly Func<TenantState> _pristine;

    private TenantStore(Func<TenantState> pristine)
    {
        _pristine = pristine;
        State = pristine();
    }

    public object Sync { get; } = new();

    public TenantState State { get; private set; }

    /// <summary>Loads a tenant: relative times are resolved against <paramref name="now"/> once, here.</summary>
    public static TenantStore Load(JsonObject document, DateTimeOffset now)
    {
        var copy = (JsonObject)document.DeepClone();
        RelativeTimes.Resolve(copy, now);
        return new TenantStore(() => TenantState.Load((JsonObject)copy.DeepClone()));
    }

    /// <summary>A synthetic tenant built in memory (relative times resolved against <paramref name="now"/>).</summary>
    public static TenantStore Generate(GenerationOptions options, DateTimeOffset now) =>
        new(() =>
        {
            var tenant = Generation.TenantGenerator.Generate(options);
            RelativeTimes.Resolve(tenant.Document, now);
            return TenantState.Load(tenant.Document, tenant.SignIns, now);
        });

    public static JsonObject ReadFile(string path) =>
        JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        }) as JsonObject ?? throw new InvalidDataException($"The tenant file '{path}' must hold a JSON object.");

    public void Reset()
    {
        var state = _pristine();
        lock (Sync)
        {
            State = state;
        }
    }
}
