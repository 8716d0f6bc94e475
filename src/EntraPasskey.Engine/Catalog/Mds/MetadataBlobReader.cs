using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace EntraPasskey.Engine.Catalog.Mds
{
    /// <summary>
    /// Reads a FIDO Alliance MDS3 BLOB (a compact JWS): checks its signature (RS256 or ES256) with the first x5c
    /// certificate, checks that certificate chains through the rest of x5c to a trusted root, and only then reads its
    /// entries. The chain is checked as of now; with <c>asOfBlobDate</c>, as of the BLOB's own nextUpdate when that has
    /// passed (the last day the BLOB vouched for itself), so an archived BLOB whose signing certificate has since
    /// expired can still be read. Revocation lists are not fetched: the module works offline.
    /// </summary>
    public static class MetadataBlobReader
    {
        public static MetadataBlob ReadFile(string path, MetadataTrust trust, DateTimeOffset now, bool asOfBlobDate = false)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception error) when (error is FileNotFoundException || error is DirectoryNotFoundException)
            {
                throw new EntraPasskeyException(MetadataErrors.FileNotFound, ErrorKind.NotFound,
                    $"The metadata BLOB '{path}' does not exist.", "Pass the path of a BLOB downloaded from the FIDO Alliance Metadata Service.", path, error);
            }

            return Read(text, trust, now, path, asOfBlobDate);
        }

        /// <summary><paramref name="source"/> names the BLOB in error messages.</summary>
        public static MetadataBlob Read(string jws, MetadataTrust trust, DateTimeOffset now, string source, bool asOfBlobDate = false)
        {
            var parts = jws.Trim().Split('.');
            if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            {
                throw MetadataErrors.MalformedBlob(source, "it does not have the three dot-separated parts of a JWT");
            }

            var header = Json(Base64Url(parts[0], source, "header"), source, "header");
            var algorithm = header.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String ? alg.GetString() : null;
            if (algorithm != "RS256" && algorithm != "ES256")
            {
                throw MetadataErrors.MalformedBlob(source, $"its signature algorithm '{algorithm ?? "(none)"}' is not RS256 or ES256");
            }

            var chain = Certificates(header, source);
            var signature = Base64Url(parts[2], source, "signature");
            if (!SignatureMatches(algorithm, chain[0], Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature))
            {
                throw MetadataErrors.Untrusted(MetadataErrors.SignatureInvalid, source, $"its {algorithm} signature does not match its content and signing certificate (it was altered, or signed by another key)");
            }

            var payload = Json(Base64Url(parts[1], source, "payload"), source, "payload");
            var verifyAt = asOfBlobDate ? BlobDate(payload, now, source) : now;
            CheckChain(chain, trust, verifyAt, verifyAt < now, source);
            return MdsEntries.Read(payload, source, verifyAt);
        }

        /// <summary>The BLOB's nextUpdate when it has passed, else now: a current BLOB is checked as of today.</summary>
        private static DateTimeOffset BlobDate(JsonElement payload, DateTimeOffset now, string source)
        {
            var nextUpdate = MdsEntries.NextUpdate(payload) ?? throw MetadataErrors.MalformedBlob(source, "its payload has no nextUpdate date to verify it as of");
            return nextUpdate < now ? nextUpdate : now;
        }

        private static IReadOnlyList<X509Certificate2> Certificates(JsonElement header, string source)
        {
            if (!header.TryGetProperty("x5c", out var x5c) || x5c.ValueKind != JsonValueKind.Array || x5c.GetArrayLength() == 0)
            {
                throw MetadataErrors.MalformedBlob(source, "its header has no x5c certificate chain");
            }

            try
            {
                return x5c.EnumerateArray().Select(c => new X509Certificate2(Convert.FromBase64String(c.GetString() ?? string.Empty))).ToList();
            }
            catch (Exception error) when (error is FormatException || error is CryptographicException || error is InvalidOperationException)
            {
                throw MetadataErrors.MalformedBlob(source, "a certificate in its x5c chain cannot be read");
            }
        }

        private static bool SignatureMatches(string algorithm, X509Certificate2 signer, byte[] signed, byte[] signature)
        {
            if (algorithm == "RS256")
            {
                using var rsa = signer.GetRSAPublicKey();
                return rsa != null && rsa.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            }

            // JWS carries ES256 signatures as r || s (IEEE P1363), which is what VerifyData expects.
            using var ecdsa = signer.GetECDsaPublicKey();
            return ecdsa != null && ecdsa.VerifyData(signed, signature, HashAlgorithmName.SHA256);
        }

        private static void CheckChain(IReadOnlyList<X509Certificate2> certificates, MetadataTrust trust, DateTimeOffset now, bool blobDate, string source)
        {
            var signer = certificates[0];
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            // The anchors need not be in the machine's store; trust is decided below by comparing the chain's root
            // with them, byte for byte.
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            foreach (var certificate in certificates.Skip(1).Concat(trust.Anchors))
            {
                chain.ChainPolicy.ExtraStore.Add(certificate);
            }

            chain.Build(signer);
            var elements = chain.ChainElements.Cast<X509ChainElement>().ToList();
            var expired = elements.FirstOrDefault(e => e.ChainElementStatus.Any(s => s.Status == X509ChainStatusFlags.NotTimeValid));
            if (expired != null)
            {
                throw MetadataErrors.Expired(source,
                    $"certificate '{expired.Certificate.Subject}' is not valid on {now:yyyy-MM-dd}{(blobDate ? ", the BLOB's nextUpdate date" : string.Empty)} (valid {expired.Certificate.NotBefore.ToUniversalTime():yyyy-MM-dd} to {expired.Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd})",
                    blobDate);
            }

            var root = elements.Last().Certificate;
            if (!trust.IsAnchor(root))
            {
                throw MetadataErrors.Untrusted(MetadataErrors.ChainUntrusted, source,
                    $"its certificate chain ends at '{root.Subject}', which is not a trusted root ({string.Join("; ", trust.Anchors.Select(a => a.Subject))})");
            }

            var problems = elements
                .SelectMany(e => e.ChainElementStatus)
                .Where(s => s.Status != X509ChainStatusFlags.NoError && s.Status != X509ChainStatusFlags.UntrustedRoot)
                .Select(s => s.StatusInformation.Trim())
                .Distinct()
                .ToList();
            if (problems.Count > 0)
            {
                throw MetadataErrors.Untrusted(MetadataErrors.ChainUntrusted, source, $"its certificate chain is not valid: {string.Join("; ", problems)}");
            }

            if (trust.RequiredSignerCommonName != null
                && !string.Equals(signer.GetNameInfo(X509NameType.SimpleName, false), trust.RequiredSignerCommonName, StringComparison.OrdinalIgnoreCase))
            {
                throw MetadataErrors.Untrusted(MetadataErrors.ChainUntrusted, source,
                    $"it is signed by '{signer.Subject}', not by the FIDO Alliance's metadata service ({trust.RequiredSignerCommonName})");
            }
        }

        private static byte[] Base64Url(string text, string source, string part)
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            try
            {
                return Convert.FromBase64String(padded);
            }
            catch (FormatException)
            {
                throw MetadataErrors.MalformedBlob(source, $"its {part} is not base64url");
            }
        }

        private static JsonElement Json(byte[] utf8, string source, string part)
        {
            try
            {
                using var document = JsonDocument.Parse(utf8);
                return document.RootElement.ValueKind == JsonValueKind.Object
                    ? document.RootElement.Clone()
                    : throw MetadataErrors.MalformedBlob(source, $"its {part} is not a JSON object");
            }
            catch (JsonException)
            {
                throw MetadataErrors.MalformedBlob(source, $"its {part} is not JSON");
            }
        }
    }
}
