using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Catalog
{
    /// <summary>The built-in catalog's integrity, and its lookups and MDS merge.</summary>
    public sealed class AuthenticatorCatalogTests
    {
        /// <summary>Every YubiKey 5 AAGUID graph-facts §9.6 lists (allow-lists must include all of a model's AAGUIDs).</summary>
        public static readonly TheoryData<string> YubiKey5Aaguids = new TheoryData<string>
        {
            "2fc0579f-8113-47ea-b116-bb5a8db9202a", "a25342c0-3cdc-4414-8e46-f4807fca511c", "d7781e5d-e353-46aa-afe2-3ca49f13332a",
            "fa2b99dc-9e39-4257-8f92-4a30d23c4118", "19083c3d-8383-4b18-bc03-8f1c9ab2fd1b", "cb69481e-8ff7-4039-93ec-0a2729a154a8",
            "ee882879-721c-4913-9775-3dfcce97072a", "ff4dac45-ede8-4ec2-aced-cf66103f4335", "c1f9a0bc-1dd2-404a-b27f-8e29047a43fd",
            "fcc0118f-cd45-435b-8da1-9782b2da0715", "7409272d-1ff9-4e10-9fc9-ac0019c124fd", "d8522d9f-575b-4866-88a9-ba99fa02f35b",
            "dd86a2da-86a0-4cbe-b462-4bd31f57bc6f", "a4e9fc6d-4cbe-4758-b8ba-37598bb5bbaa", "b7d3f68e-88a6-471e-9ecf-2df26d041ede",
            "e77e3c64-05e3-428b-8824-0cbeb04b829d",
        };

        [Fact]
        public void DataFile_EveryEntryHasAValidUniqueLowerCaseAaguidAndEveryRequiredField()
        {
            using var document = JsonDocument.Parse(File.ReadAllText(CatalogFiles.Catalog));
            var entries = document.RootElement.GetProperty("authenticators").EnumerateArray().ToList();
            var aaguids = entries.Select(e => e.GetProperty("aaguid").GetString()!).ToList();

            Assert.True(entries.Count > 100, $"only {entries.Count} entries");
            Assert.All(aaguids, a => Assert.True(Guid.TryParseExact(a, "D", out _) && a == a.ToLowerInvariant(), $"'{a}' is not a lower-case GUID"));
            Assert.Equal(aaguids.Count, aaguids.Distinct().Count());
            Assert.All(entries, e =>
            {
                Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("name").GetString()));
                Assert.Contains(e.GetProperty("passkeyType").GetString(), new[] { "deviceBound", "synced" });
                Assert.Contains(e.GetProperty("providerKind").GetString(), new[] { "hardwareKey", "platform", "authenticatorApp", "passwordManager" });
                Assert.Contains(e.GetProperty("attestation").GetString(), new[] { "accepted", "sameDeviceOnly", "notAccepted" });
            });
        }

        [Fact]
        public void BuiltIn_LoadsEveryEntryOfTheDataFile()
        {
            using var document = JsonDocument.Parse(File.ReadAllText(CatalogFiles.Catalog));

            Assert.Equal(document.RootElement.GetProperty("authenticators").GetArrayLength(), AuthenticatorCatalog.BuiltIn.All.Count);
            Assert.All(AuthenticatorCatalog.BuiltIn.All, e => Assert.Equal(AuthenticatorSource.BuiltIn, e.Source));
        }

        [Theory]
        [MemberData(nameof(YubiKey5Aaguids))]
        public void BuiltIn_HasEveryYubiKeyAaguidFromGraphFacts(string aaguid)
        {
            var entry = AuthenticatorCatalog.BuiltIn.Find(new Guid(aaguid));

            Assert.NotNull(entry);
            Assert.Equal("Yubico", entry!.Vendor);
            Assert.Equal(ProviderKind.HardwareKey, entry.ProviderKind);
            Assert.Equal(AttestationSupport.Accepted, entry.Attestation);
        }

        [Fact]
        public void BuiltIn_KnowsAuthenticatorWindowsHelloAndTheSyncedProviders()
        {
            var catalog = AuthenticatorCatalog.BuiltIn;

            Assert.Equal(AttestationSupport.SameDeviceOnly, catalog.Find(Aaguids.AuthenticatorIos)!.Attestation);
            Assert.Equal("Android 14", catalog.Find(Aaguids.AuthenticatorAndroid)!.MinimumPlatform);
            foreach (var hello in new[] { Aaguids.WindowsHelloTpm, Aaguids.WindowsHelloVbs, Aaguids.WindowsHelloSoftware })
            {
                Assert.True(WellKnownAaguids.IsWindowsHello(hello));
                Assert.Equal(AttestationSupport.NotAccepted, catalog.Find(hello)!.Attestation);
                Assert.Equal(ProviderKind.Platform, catalog.Find(hello)!.ProviderKind);
            }

            foreach (var synced in new[] { Aaguids.ICloudKeychain, Aaguids.GooglePasswordManager, Aaguids.OnePassword })
            {
                Assert.Equal(PasskeyType.Synced, catalog.Find(synced)!.PasskeyType);
                Assert.False(catalog.Find(synced)!.AttestationCapable);
            }
        }

        [Fact]
        public void Find_UnknownAaguid_IsNull()
        {
            Assert.Null(AuthenticatorCatalog.BuiltIn.Find(Aaguids.Unknown));
        }

        [Fact]
        public void Constructor_DuplicateAaguid_IsRefused()
        {
            var entry = AuthenticatorCatalog.BuiltIn.Find(Aaguids.YubiKey5Nfc)!;

            Assert.Throws<ArgumentException>(() => new AuthenticatorCatalog(new[] { entry, entry }));
        }
    }
}
