using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EntraPasskey.Engine.Catalog.Mds
{
    /// <summary>
    /// Whom a metadata BLOB must chain to: the FIDO Alliance's roots (GlobalSign, embedded in the engine) with the
    /// signing certificate issued to the FIDO Alliance's metadata service, or a root certificate the user supplies.
    /// </summary>
    public sealed class MetadataTrust
    {
        /// <summary>The subject of the certificate that signs the FIDO Alliance's BLOB.</summary>
        public const string FidoSignerCommonName = "mds.fidoalliance.org";

        private const string RootsResource = "EntraPasskey.Engine.Catalog.Mds.fido-mds-roots.pem";

        private static readonly Lazy<MetadataTrust> Fido = new Lazy<MetadataTrust>(LoadFidoAlliance);

        public MetadataTrust(IReadOnlyList<X509Certificate2> anchors, string? requiredSignerCommonName)
        {
            Anchors = anchors.Count == 0 ? throw new ArgumentException("A trust needs at least one root certificate.", nameof(anchors)) : anchors;
            RequiredSignerCommonName = requiredSignerCommonName;
        }

        /// <summary>
        /// The GlobalSign roots also issue certificates to anyone's web site, so for them the signer must also be the
        /// FIDO Alliance's metadata service; a root the user supplies is trusted for any signer it issued.
        /// </summary>
        public static MetadataTrust FidoAlliance => Fido.Value;

        public IReadOnlyList<X509Certificate2> Anchors { get; }

        public string? RequiredSignerCommonName { get; }

        /// <summary>A root certificate file (PEM or DER) the user trusts; every certificate in it is an anchor.</summary>
        public static MetadataTrust FromFile(string path)
        {
            try
            {
                return new MetadataTrust(Pem.Certificates(File.ReadAllBytes(path)), null);
            }
            catch (Exception error) when (error is IOException || error is UnauthorizedAccessException || error is CryptographicException || error is FormatException || error is ArgumentException)
            {
                throw new EntraPasskeyException(MetadataErrors.RootCertificateInvalid, ErrorKind.InvalidArgument,
                    $"The root certificate '{path}' could not be read: {error.Message}",
                    "Pass a certificate file in PEM or DER form.", path, error);
            }
        }

        public bool IsAnchor(X509Certificate2 certificate) => Anchors.Any(a => a.RawData.SequenceEqual(certificate.RawData));

        private static MetadataTrust LoadFidoAlliance()
        {
            using var stream = typeof(MetadataTrust).Assembly.GetManifestResourceStream(RootsResource)
                ?? throw new InvalidOperationException($"The engine assembly lacks its embedded resource {RootsResource}.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return new MetadataTrust(Pem.Certificates(memory.ToArray()), FidoSignerCommonName);
        }
    }
}
