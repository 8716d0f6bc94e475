using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Catalog.Mds
{
    /// <summary>A verified FIDO MDS3 BLOB: its FIDO2 entries as authenticators, and when it should be replaced.</summary>
    public sealed class MetadataBlob
    {
        public MetadataBlob(IReadOnlyList<PasskeyAuthenticator> authenticators, int? number, DateTimeOffset? nextUpdate, int skippedEntries, DateTimeOffset verifiedAt)
        {
            VerifiedAt = verifiedAt;
            Authenticators = authenticators;
            Number = number;
            NextUpdate = nextUpdate;
            SkippedEntries = skippedEntries;
        }

        public IReadOnlyList<PasskeyAuthenticator> Authenticators { get; }

        /// <summary>The BLOB's serial number ("no").</summary>
        public int? Number { get; }

        /// <summary>The date by which FIDO publishes the next BLOB; a later date means this one is stale.</summary>
        public DateTimeOffset? NextUpdate { get; }

        /// <summary>The time its certificate chain was checked at: now, or its nextUpdate when read as of its own date.</summary>
        public DateTimeOffset VerifiedAt { get; }

        /// <summary>Entries without an AAGUID (UAF and U2F authenticators), which passkeys never use.</summary>
        public int SkippedEntries { get; }
    }
}
