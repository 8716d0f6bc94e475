namespace EntraPasskey.Engine.Catalog.Mds
{
    /// <summary>The stable error ids a metadata BLOB can be refused with.</summary>
    public static class MetadataErrors
    {
        public const string FileNotFound = "MetadataFileNotFound";
        public const string Malformed = "MetadataMalformed";
        public const string SignatureInvalid = "MetadataSignatureInvalid";
        public const string ChainUntrusted = "MetadataChainUntrusted";
        public const string RootCertificateInvalid = "MetadataRootCertificateInvalid";

        internal static EntraPasskeyException MalformedBlob(string path, string why) =>
            new EntraPasskeyException(Malformed, ErrorKind.InvalidArgument,
                $"'{path}' is not a FIDO metadata BLOB: {why}.",
                "Pass the BLOB file as downloaded from the FIDO Alliance Metadata Service (a JWT: header.payload.signature).", path);

        /// <summary>A certificate of the chain is not valid at the time it was checked at.</summary>
        internal static EntraPasskeyException Expired(string path, string why, bool checkedAsOfBlobDate) =>
            new EntraPasskeyException(ChainUntrusted, ErrorKind.Untrusted,
                $"The metadata BLOB '{path}' was refused: {why}.",
                checkedAsOfBlobDate
                    ? "Its signing certificate was not valid even while the BLOB was current: download a current BLOB from the FIDO Alliance Metadata Service."
                    : "Download a current BLOB from the FIDO Alliance Metadata Service; to read an archived BLOB, pass -VerifyAsOfBlobDate to check its chain as of the BLOB's own nextUpdate date.",
                path);

        internal static EntraPasskeyException Untrusted(string id, string path, string why) =>
            new EntraPasskeyException(id, ErrorKind.Untrusted,
                $"The metadata BLOB '{path}' was refused: {why}.",
                "Download the BLOB again from the FIDO Alliance Metadata Service; pass -RootCertificatePath only for a BLOB your organisation signs itself.", path);
    }
}
