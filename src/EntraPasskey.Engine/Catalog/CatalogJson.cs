using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace EntraPasskey.Engine.Catalog
{
    /// <summary>Reads the catalog's JSON. Strict: a value it does not know is a defect in the data file, not a guess.</summary>
    internal static class CatalogJson
    {
        public static IReadOnlyList<PasskeyAuthenticator> Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("authenticators").EnumerateArray().Select(Entry).ToList();
        }

        private static PasskeyAuthenticator Entry(JsonElement entry) =>
            new PasskeyAuthenticator(
                Guid.Parse(entry.GetProperty("aaguid").GetString()!),
                entry.GetProperty("name").GetString()!,
                OptionalString(entry, "vendor"),
                Enum<PasskeyType>(entry, "passkeyType"),
                Enum<ProviderKind>(entry, "providerKind"),
                Enum<AttestationSupport>(entry, "attestation"),
                OptionalString(entry, "certification"),
                OptionalBool(entry, "residentKey"),
                OptionalBool(entry, "userVerification"),
                entry.TryGetProperty("transports", out var transports) ? transports.EnumerateArray().Select(t => t.GetString()!).ToList() : null,
                OptionalString(entry, "minimumPlatform"),
                AuthenticatorSource.BuiltIn);

        private static T Enum<T>(JsonElement entry, string name)
            where T : struct
        {
            var text = entry.GetProperty(name).GetString();
            if (text == null || !System.Enum.TryParse<T>(text, ignoreCase: true, out var value) || int.TryParse(text, out _))
            {
                throw new FormatException($"Catalog entry {entry.GetProperty("aaguid").GetString()}: '{text}' is not a valid {name}.");
            }

            return value;
        }

        private static string? OptionalString(JsonElement entry, string name) =>
            entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static bool? OptionalBool(JsonElement entry, string name) =>
            entry.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                ? value.GetBoolean()
                : (bool?)null;
    }
}
