using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace EntraPasskey.Engine.Catalog
{
    /// <summary>Reads the catalog's JSON. Strict: a value it does not know is a defect in the data file, not a guess.</summary>
    internal static class CatalogJson
    {
        public static AuthenticatorCatalog Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new AuthenticatorCatalog(root.GetProperty("authenticators").EnumerateArray().Select(Entry).ToList(), Provenance(root));
        }

        private static CatalogProvenance Provenance(JsonElement root)
        {
            var generated = root.GetProperty("generated").GetString();
            if (!DateTimeOffset.TryParseExact(generated, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                throw new FormatException($"The catalog's generated date '{generated}' is not yyyy-MM-dd.");
            }

            var sources = root.GetProperty("sources").EnumerateArray()
                .Select(s => new CatalogSource(s.GetProperty("title").GetString()!, OptionalString(s, "version"), OptionalString(s, "date")))
                .ToList();
            return new CatalogProvenance(date, sources);
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
