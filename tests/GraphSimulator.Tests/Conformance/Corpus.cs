using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace GraphSimulator.Tests.Conformance;

/// <summary>The documented-shape fixtures of tests/Conformance, copied beside the test assembly.</summary>
internal static class Corpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Conformance");

    /// <summary>Every fixture by file name without ".json".</summary>
    public static IReadOnlyList<string> Names =>
        Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    /// <summary>Null for a fixture that documents a reply without a body.</summary>
    public static JsonNode? Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));

    public static string Readme => File.ReadAllText(Path.Combine(Folder, "README.md"));
}
