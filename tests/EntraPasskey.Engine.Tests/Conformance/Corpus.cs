using System;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace EntraPasskey.Engine.Tests.Conformance
{
    /// <summary>The documented-shape fixtures of tests/Conformance, read as the Graph SDK reads a reply.</summary>
    internal static class Corpus
    {
        public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", name + ".json"));

        public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

        public static Task<T> ParseAsync<T>(string name, ParsableFactory<T> factory)
            where T : IParsable => ParseTextAsync(Text(name), factory);

        /// <summary>A fixture changed first (one property set to another documented value).</summary>
        public static Task<T> ParseAsync<T>(string name, Action<JsonObject> change, ParsableFactory<T> factory)
            where T : IParsable
        {
            var json = Json(name);
            change(json);
            return ParseTextAsync(json.ToJsonString(), factory);
        }

        private static async Task<T> ParseTextAsync<T>(string text, ParsableFactory<T> factory)
            where T : IParsable
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            var node = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream);
            return node.GetObjectValue(factory) ?? throw new InvalidOperationException("The fixture parsed to nothing.");
        }
    }
}
