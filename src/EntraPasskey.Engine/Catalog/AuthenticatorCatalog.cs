using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace EntraPasskey.Engine.Catalog
{
    /// <summary>
    /// Authenticator models by AAGUID: the catalog shipped in the engine (Catalog/authenticators.json), optionally
    /// extended with entries from a verified FIDO MDS3 blob.
    /// </summary>
    public sealed class AuthenticatorCatalog
    {
        private const string ResourceName = "EntraPasskey.Engine.Catalog.authenticators.json";

        private static readonly Lazy<AuthenticatorCatalog> BuiltInCatalog = new Lazy<AuthenticatorCatalog>(LoadBuiltIn);

        private readonly Dictionary<Guid, PasskeyAuthenticator> _byAaguid;

        public AuthenticatorCatalog(IEnumerable<PasskeyAuthenticator> entries)
        {
            _byAaguid = new Dictionary<Guid, PasskeyAuthenticator>();
            foreach (var entry in entries)
            {
                if (_byAaguid.ContainsKey(entry.Aaguid))
                {
                    throw new ArgumentException($"The catalog lists AAGUID {entry.Aaguid} twice.", nameof(entries));
                }

                _byAaguid.Add(entry.Aaguid, entry);
            }

            All = _byAaguid.Values.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Aaguid).ToList();
        }

        /// <summary>The catalog embedded in the engine, read once.</summary>
        public static AuthenticatorCatalog BuiltIn => BuiltInCatalog.Value;

        /// <summary>Every entry, by name then AAGUID.</summary>
        public IReadOnlyList<PasskeyAuthenticator> All { get; }

        public PasskeyAuthenticator? Find(Guid aaguid) => _byAaguid.TryGetValue(aaguid, out var entry) ? entry : null;

        /// <summary>
        /// This catalog with MDS3 entries laid over it: an MDS entry replaces the built-in one with its AAGUID (the
        /// blob is the authoritative, signed source) but keeps the built-in vendor, passkey type, kind and minimum
        /// platform where MDS says nothing about them; AAGUIDs MDS adds are appended.
        /// </summary>
        public AuthenticatorCatalog MergeWith(IEnumerable<PasskeyAuthenticator> metadata)
        {
            var merged = new Dictionary<Guid, PasskeyAuthenticator>(_byAaguid);
            foreach (var entry in metadata)
            {
                merged[entry.Aaguid] = _byAaguid.TryGetValue(entry.Aaguid, out var builtIn) ? Overlay(builtIn, entry) : entry;
            }

            return new AuthenticatorCatalog(merged.Values);
        }

        private static PasskeyAuthenticator Overlay(PasskeyAuthenticator builtIn, PasskeyAuthenticator metadata) =>
            new PasskeyAuthenticator(
                metadata.Aaguid,
                metadata.Name,
                metadata.Vendor ?? builtIn.Vendor,
                builtIn.PasskeyType,
                builtIn.ProviderKind,
                metadata.Attestation,
                metadata.Certification ?? builtIn.Certification,
                metadata.ResidentKey ?? builtIn.ResidentKey,
                metadata.UserVerification ?? builtIn.UserVerification,
                metadata.Transports.Length > 0 ? metadata.Transports : builtIn.Transports,
                builtIn.MinimumPlatform,
                AuthenticatorSource.MDS3);

        private static AuthenticatorCatalog LoadBuiltIn()
        {
            using var stream = typeof(AuthenticatorCatalog).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The engine assembly lacks its embedded catalog {ResourceName}.");
            using var reader = new StreamReader(stream);
            return new AuthenticatorCatalog(CatalogJson.Parse(reader.ReadToEnd()));
        }
    }
}
