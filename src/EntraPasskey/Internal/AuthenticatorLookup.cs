using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Catalog.Mds;

namespace EntraPasskey.Internal
{
    /// <summary>Get-PasskeyAuthenticator's catalog: the built-in one, or the built-in one with a verified MDS3 BLOB laid over it.</summary>
    internal sealed class AuthenticatorLookup
    {
        private readonly AuthenticatorCatalog _catalog;

        private AuthenticatorLookup(AuthenticatorCatalog catalog, MetadataBlob? blob)
        {
            _catalog = catalog;
            Blob = blob;
        }

        public MetadataBlob? Blob { get; }

        public IReadOnlyList<PasskeyAuthenticator> All => _catalog.All;

        /// <summary>Throws EntraPasskeyException (MetadataMalformed, MetadataSignatureInvalid, ...) for a BLOB it cannot trust.</summary>
        public static AuthenticatorLookup Open(string? metadataPath, string? rootCertificatePath, DateTimeOffset now)
        {
            if (metadataPath == null)
            {
                return new AuthenticatorLookup(AuthenticatorCatalog.BuiltIn, null);
            }

            var trust = rootCertificatePath == null ? MetadataTrust.FidoAlliance : MetadataTrust.FromFile(rootCertificatePath);
            var blob = MetadataBlobReader.ReadFile(metadataPath, trust, now);
            return new AuthenticatorLookup(AuthenticatorCatalog.BuiltIn.MergeWith(blob.Authenticators), blob);
        }

        public PasskeyAuthenticator? Find(Guid aaguid) => _catalog.Find(aaguid);
    }
}
