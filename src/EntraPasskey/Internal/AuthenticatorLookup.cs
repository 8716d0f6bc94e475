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
            var builtIn = AuthenticatorCatalog.BuiltIn;
            var notes = new List<string>();
            if (builtIn.Provenance != null)
            {
                notes.Add(builtIn.Provenance.Describe(builtIn.All.Count, now));
            }

            if (blob != null)
            {
                notes.Add($"Verified metadata BLOB {blob.Number?.ToString() ?? "(no number)"}: {blob.Authenticators.Count} FIDO2 authenticators, {blob.SkippedEntries} other entries skipped.");
                notes.AddRange(builtIn.Disagreements(blob.Authenticators));
                StaleWarning = Staleness(blob, now);
            }

            Notes = notes;
        }

        /// <summary>What -Verbose says: how old the built-in catalog is, which BLOB was verified, what it was overruled on.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>Set when the BLOB is past the date by which FIDO publishes the next one, or was read as of that date.</summary>
        public string? StaleWarning { get; }

        /// <summary>Throws EntraPasskeyException (MetadataMalformed, MetadataSignatureInvalid, ...) for a BLOB it cannot trust.</summary>
        public static AuthenticatorLookup Open(string? metadataPath, string? rootCertificatePath, bool asOfBlobDate, DateTimeOffset now)
        {
            if (metadataPath == null)
            {
                return new AuthenticatorLookup(AuthenticatorCatalog.BuiltIn, null, now);
            }

            var trust = rootCertificatePath == null ? MetadataTrust.FidoAlliance : MetadataTrust.FromFile(rootCertificatePath);
            var blob = MetadataBlobReader.ReadFile(metadataPath, trust, now, asOfBlobDate);
            return new AuthenticatorLookup(AuthenticatorCatalog.BuiltIn.MergeWith(blob.Authenticators), blob, now);
        }

        private static string? Staleness(MetadataBlob blob, DateTimeOffset now)
        {
            if (blob.VerifiedAt < now)
            {
                return $"The metadata BLOB was verified as of {blob.VerifiedAt:yyyy-MM-dd}, the date it was due to be replaced, not today (-VerifyAsOfBlobDate): "
                    + $"its signing certificate need not be valid today, and its certifications and compromise reports are {(int)(now - blob.VerifiedAt).TotalDays} days old. "
                    + "Where it differs from Microsoft's list the built-in answer stands; download a current BLOB from the FIDO Alliance Metadata Service.";
            }

            return blob.NextUpdate is DateTimeOffset nextUpdate && nextUpdate < now
                ? $"The metadata BLOB was due to be replaced on {nextUpdate:yyyy-MM-dd}; download a current one from the FIDO Alliance Metadata Service."
                : null;
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
