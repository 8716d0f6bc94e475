using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Catalog.Mds;

namespace EntraPasskey.Internal
{
    /// <summary>
    /// Get-PasskeyAuthenticator's catalog: the built-in one, or the built-in one with a verified MDS3 BLOB laid over
    /// it. Answers lookups with entries or the errors to write, so the command only writes them.
    /// </summary>
    internal sealed class AuthenticatorLookup
    {
        private readonly AuthenticatorCatalog _catalog;
        private readonly bool _withMetadata;

        private AuthenticatorLookup(AuthenticatorCatalog catalog, MetadataBlob? blob, DateTimeOffset now)
        {
            _catalog = catalog;
            _withMetadata = blob != null;
            if (blob != null)
            {
                BlobSummary = $"Verified metadata BLOB {blob.Number?.ToString() ?? "(no number)"}: {blob.Authenticators.Count} FIDO2 authenticators, {blob.SkippedEntries} other entries skipped.";
                if (blob.NextUpdate is DateTimeOffset nextUpdate && nextUpdate < now)
                {
                    StaleWarning = $"The metadata BLOB was due to be replaced on {nextUpdate:yyyy-MM-dd}; download a current one from the FIDO Alliance Metadata Service.";
                }
            }
        }

        /// <summary>Which BLOB was verified, for -Verbose; null without one.</summary>
        public string? BlobSummary { get; }

        /// <summary>Set when the BLOB is past the date by which FIDO publishes the next one.</summary>
        public string? StaleWarning { get; }

        /// <summary>Throws EntraPasskeyException (MetadataMalformed, MetadataSignatureInvalid, ...) for a BLOB it cannot trust.</summary>
        public static AuthenticatorLookup Open(string? metadataPath, string? rootCertificatePath, DateTimeOffset now)
        {
            if (metadataPath == null)
            {
                return new AuthenticatorLookup(AuthenticatorCatalog.BuiltIn, null, now);
            }

            var trust = rootCertificatePath == null ? MetadataTrust.FidoAlliance : MetadataTrust.FromFile(rootCertificatePath);
            var blob = MetadataBlobReader.ReadFile(metadataPath, trust, now);
            return new AuthenticatorLookup(AuthenticatorCatalog.BuiltIn.MergeWith(blob.Authenticators), blob, now);
        }

        /// <summary>The entry for an AAGUID, or the AuthenticatorNotFound error that says where to look next.</summary>
        public bool TryFind(Guid aaguid, out PasskeyAuthenticator? entry, out EntraPasskeyException? notFound)
        {
            entry = _catalog.Find(aaguid);
            notFound = entry != null ? null : new EntraPasskeyException(
                "AuthenticatorNotFound", ErrorKind.NotFound,
                $"AAGUID {aaguid} is not in the {(_withMetadata ? "built-in catalog or the metadata BLOB" : "built-in catalog")}.",
                _withMetadata
                    ? "Ask the vendor which model it is; software providers are not in FIDO metadata."
                    : "Pass -MetadataPath with a current FIDO MDS3 BLOB to look further, or ask the vendor which model it is.",
                aaguid.ToString());
            return entry != null;
        }

        /// <summary>
        /// Entries whose name matches any of <paramref name="names"/> (wildcards, case-insensitive; every entry when
        /// none is given), in catalog order. As Get-Process -Name does, a name without wildcards that matches nothing
        /// is an error; a pattern that matches nothing is just an empty filter.
        /// </summary>
        public (IReadOnlyList<PasskeyAuthenticator> Entries, IReadOnlyList<EntraPasskeyException> NotFound) Match(IReadOnlyList<string>? names)
        {
            var patterns = (names ?? new[] { "*" }).Select(n => (Text: n, Pattern: new WildcardPattern(n, WildcardOptions.IgnoreCase))).ToList();
            var entries = _catalog.All.Where(e => patterns.Any(p => p.Pattern.IsMatch(e.Name))).ToList();
            var notFound = patterns
                .Where(p => !WildcardPattern.ContainsWildcardCharacters(p.Text) && !entries.Any(e => p.Pattern.IsMatch(e.Name)))
                .Select(p => new EntraPasskeyException(
                    "AuthenticatorNotFound", ErrorKind.NotFound,
                    $"No authenticator is named '{p.Text}'.",
                    "Use a wildcard (-Name '*YubiKey*') or list every entry with Get-PasskeyAuthenticator.", p.Text))
                .ToList();
            return (entries, notFound);
        }
    }
}
