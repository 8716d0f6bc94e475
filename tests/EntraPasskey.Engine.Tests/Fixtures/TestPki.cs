using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>
    /// A throw-away certificate authority and signer, made in memory per test, that signs metadata BLOBs the way the
    /// FIDO Alliance does (compact JWS, x5c chain). No key ever leaves the test process. Generating RSA keys is slow,
    /// so the keys are made once per process and the certificates per test: every authority has the same root key
    /// unless it is <c>anotherRoot</c>, which has a key of its own.
    /// </summary>
    internal sealed class TestPki : IDisposable
    {
        private static readonly Lazy<RSA> RootKey = new Lazy<RSA>(() => RSA.Create(2048));
        private static readonly Lazy<RSA> AnotherRootKey = new Lazy<RSA>(() => RSA.Create(2048));
        private static readonly Lazy<RSA> RsaSignerKey = new Lazy<RSA>(() => RSA.Create(2048));
        private static readonly Lazy<ECDsa> EcdsaSignerKey = new Lazy<ECDsa>(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));

        private readonly AsymmetricAlgorithm _signerKey;

        private TestPki(X509Certificate2 root, X509Certificate2 signer, AsymmetricAlgorithm signerKey)
        {
            Root = root;
            Signer = signer;
            _signerKey = signerKey;
        }

        public X509Certificate2 Root { get; }

        public X509Certificate2 Signer { get; }

        public static TestPki Create(string signerName = "mds.test.example", bool ecdsa = false, DateTimeOffset? signerNotAfter = null, bool anotherRoot = false)
        {
            var rootKey = anotherRoot ? AnotherRootKey.Value : RootKey.Value;
            var rootRequest = new CertificateRequest("CN=EntraPasskey Test Metadata Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            var now = DateTimeOffset.UtcNow;
            var root = rootRequest.CreateSelfSigned(now.AddDays(-400), now.AddYears(5));

            AsymmetricAlgorithm signerKey = ecdsa ? EcdsaSignerKey.Value : RsaSignerKey.Value;
            var signerRequest = ecdsa
                ? new CertificateRequest($"CN={signerName}", (ECDsa)signerKey, HashAlgorithmName.SHA256)
                : new CertificateRequest($"CN={signerName}", (RSA)signerKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            signerRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
            signerRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            var notAfter = signerNotAfter ?? now.AddYears(1);
            var notBefore = signerNotAfter.HasValue ? notAfter.AddDays(-60) : now.AddDays(-1);
            // The root's RSA key signs the signer's certificate whatever the signer's own key type is.
            var signer = signerRequest.Create(root.SubjectName, X509SignatureGenerator.CreateForRSA(rootKey, RSASignaturePadding.Pkcs1), notBefore, notAfter, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
            return new TestPki(root, signer, signerKey);
        }

        /// <summary>A compact JWS of <paramref name="payload"/> signed by the signer, x5c = signer (and root unless told otherwise).</summary>
        public string Sign(object payload, bool includeRoot = true, string? algorithm = null)
        {
            var alg = algorithm ?? (_signerKey is ECDsa ? "ES256" : "RS256");
            var x5c = new List<string> { Convert.ToBase64String(Signer.RawData) };
            if (includeRoot)
            {
                x5c.Add(Convert.ToBase64String(Root.RawData));
            }

            var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = alg, ["typ"] = "JWT", ["x5c"] = x5c }));
            var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
            var signed = Encoding.ASCII.GetBytes(header + "." + body);
            var signature = _signerKey is ECDsa ec
                ? ec.SignData(signed, HashAlgorithmName.SHA256)
                : ((RSA)_signerKey).SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return header + "." + body + "." + Base64Url(signature);
        }

        public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        /// <summary>A payload shaped like MDS3: a certified key, a new key, a revoked key and a UAF entry without an AAGUID.</summary>
        public static object SamplePayload(Guid known, Guid added, Guid revoked) => new Dictionary<string, object>
        {
            ["legalHeader"] = "Test data made by EntraPasskey's tests.",
            ["no"] = 42,
            ["nextUpdate"] = "2026-12-01",
            ["entries"] = new object[]
            {
                Entry(known, "YubiKey 5 Series with NFC (metadata)", new[] { "FIDO_CERTIFIED_L1" }, new[] { "usb", "nfc" }),
                Entry(added, "Contoso Test Key", new[] { "FIDO_CERTIFIED_L2" }, new[] { "usb" }),
                Entry(revoked, "Contoso Recalled Key", new[] { "FIDO_CERTIFIED_L1", "REVOKED" }, new[] { "usb" }),
                new Dictionary<string, object> { ["aaid"] = "4e4e#4005", ["metadataStatement"] = new Dictionary<string, object> { ["description"] = "A UAF authenticator", ["protocolFamily"] = "uaf" } },
            },
        };

        private static Dictionary<string, object> Entry(Guid aaguid, string description, string[] statuses, string[] transports) => new Dictionary<string, object>
        {
            ["aaguid"] = aaguid.ToString(),
            ["metadataStatement"] = new Dictionary<string, object>
            {
                ["description"] = description,
                ["protocolFamily"] = "fido2",
                ["attestationTypes"] = new[] { "basic_full" },
                ["attachmentHint"] = new[] { "external", "wired" },
                ["authenticatorGetInfo"] = new Dictionary<string, object>
                {
                    ["versions"] = new[] { "FIDO_2_0" },
                    ["options"] = new Dictionary<string, object> { ["rk"] = true, ["up"] = true, ["clientPin"] = true },
                    ["transports"] = transports,
                },
            },
            ["statusReports"] = statuses.Select((s, i) => new Dictionary<string, object> { ["status"] = s, ["effectiveDate"] = $"2024-0{i + 1}-01" }).ToArray(),
        };

        public void Dispose()
        {
            Root.Dispose();
            Signer.Dispose();
        }
    }
}
