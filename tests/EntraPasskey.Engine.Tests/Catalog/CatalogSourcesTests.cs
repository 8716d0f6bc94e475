using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Catalog
{
    /// <summary>
    /// The built-in catalog against the copies of the lists it was generated from (Catalog/Sources/), read here
    /// independently of the generator: Microsoft's list decides acceptance, our curated entries are kept as written.
    /// </summary>
    public sealed class CatalogSourcesTests
    {
        private static readonly Guid ManagedAppleDevice = new Guid("dd4ec289-e01d-41c9-bb89-70fa845d4bf2");

        [Fact]
        public void AcceptedEntries_AreExactlyTheAaguidsOnMicrosoftsList()
        {
            var listed = File.ReadLines(CatalogFiles.Source("concept-fido2-hardware-vendor.md"))
                .Select(line => Regex.Match(line, @"^[^|]+\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\|"))
                .Where(m => m.Success)
                .Select(m => new Guid(m.Groups[1].Value))
                .ToList();
            var accepted = AuthenticatorCatalog.BuiltIn.All.Where(e => e.Attestation == AttestationSupport.Accepted).Select(e => e.Aaguid).ToList();

            Assert.Equal(265, listed.Count);
            Assert.Empty(accepted.Except(listed));
            Assert.Empty(listed.Except(accepted));
        }

        [Fact]
        public void CuratedEntries_AreInTheCatalogAsWritten()
        {
            using var curated = JsonDocument.Parse(File.ReadAllText(CatalogFiles.Source("curated.json")));
            var entries = curated.RootElement.GetProperty("authenticators").EnumerateArray().ToList();

            Assert.True(entries.Count >= 29, $"only {entries.Count} curated entries");
            Assert.All(entries, written =>
            {
                var entry = AuthenticatorCatalog.BuiltIn.Find(new Guid(written.GetProperty("aaguid").GetString()!))!;
                Assert.Equal(written.GetProperty("name").GetString(), entry.Name);
                Assert.Equal(Text(written, "vendor"), entry.Vendor);
                Assert.Equal(written.GetProperty("passkeyType").GetString(), Camel(entry.PasskeyType));
                Assert.Equal(written.GetProperty("providerKind").GetString(), Camel(entry.ProviderKind));
                Assert.Equal(written.GetProperty("attestation").GetString(), Camel(entry.Attestation));
                Assert.Equal(Text(written, "certification"), entry.Certification);
                Assert.Equal(Text(written, "minimumPlatform"), entry.MinimumPlatform);
                var transports = written.GetProperty("transports");
                Assert.Equal(transports.ValueKind == JsonValueKind.Array ? transports.EnumerateArray().Select(t => t.GetString()!).ToArray() : new string[0], entry.Transports);
            });
        }

        [Fact]
        public void ProviderList_EveryAaguidIsInTheCatalog_AndOneWeStateNothingAboutIsASyncedPasswordManager()
        {
            using var providers = JsonDocument.Parse(File.ReadAllText(CatalogFiles.Source("aaguid.json")));
            var aaguids = providers.RootElement.EnumerateObject().Select(p => new Guid(p.Name)).ToList();
            var lastPass = AuthenticatorCatalog.BuiltIn.Find(new Guid("b78a0a55-6ef8-d246-a042-ba0f6d55050c"))!;

            Assert.Equal(52, aaguids.Count);
            Assert.All(aaguids, a => Assert.NotNull(AuthenticatorCatalog.BuiltIn.Find(a)));
            Assert.Equal("LastPass", lastPass.Name);
            Assert.Equal(PasskeyType.Synced, lastPass.PasskeyType);
            Assert.Equal(ProviderKind.PasswordManager, lastPass.ProviderKind);
            Assert.Equal(AttestationSupport.NotAccepted, lastPass.Attestation);
        }

        [Fact]
        public void ManagedAppleDeviceAaguid_IsLabelledAsAppleDocumentsIt()
        {
            var entry = AuthenticatorCatalog.BuiltIn.Find(ManagedAppleDevice)!;

            Assert.Equal("iCloud Keychain (managed device, enterprise attestation)", entry.Name);
            Assert.Equal("iOS 17 / macOS 14", entry.MinimumPlatform);
            Assert.Equal(AttestationSupport.NotAccepted, entry.Attestation);
        }

        [Fact]
        public void Provenance_IsTheDataFilesStamps()
        {
            using var document = JsonDocument.Parse(File.ReadAllText(CatalogFiles.Catalog));
            var provenance = AuthenticatorCatalog.BuiltIn.Provenance!;

            Assert.Equal(document.RootElement.GetProperty("generated").GetString(), provenance.Generated.ToString("yyyy-MM-dd"));
            Assert.Equal(2, provenance.Sources.Count);
            Assert.Equal("MDS version 285", provenance.Sources[0].Version);
            Assert.Equal("2026-10-06", provenance.Sources[0].Date);
            Assert.Null(provenance.Sources[1].Version);
            Assert.Equal("2026-08-07", provenance.Sources[1].Date);
        }

        [Fact]
        public void Describe_SaysHowOldTheCatalogIsAndWhatItCameFrom()
        {
            var provenance = new CatalogProvenance(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
                new[] { new CatalogSource("Microsoft's list", "MDS version 285", "2026-10-06"), new CatalogSource("the provider list", null, "2026-08-07") });

            Assert.Equal("Built-in catalog: 322 authenticators, generated 2026-10-01 (66 days ago) from Microsoft's list (MDS version 285, dated 2026-10-06); the provider list (dated 2026-08-07).",
                provenance.Describe(322, new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero)));
        }

        [Fact]
        public void AgeInDays_CountsWholeDays_OnTheEdgeOfTheFirst()
        {
            var generated = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
            var provenance = new CatalogProvenance(generated, new CatalogSource[0]);

            Assert.Equal(0, provenance.AgeInDays(generated.AddDays(1).AddTicks(-1)));
            Assert.Equal(1, provenance.AgeInDays(generated.AddDays(1)));
            Assert.Contains("(today)", provenance.Describe(1, generated.AddHours(23)));
            Assert.Contains("(1 day ago)", provenance.Describe(1, generated.AddDays(1)));
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static string Camel<T>(T value)
            where T : struct
        {
            var text = value.ToString()!;
            return char.ToLowerInvariant(text[0]) + text.Substring(1);
        }
    }
}
