using System;
using System.IO;
using System.Linq;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Catalog.Mds;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Catalog
{
    /// <summary>FIDO MDS3 BLOBs: accepted only with a valid signature and a chain to a trusted root; each refusal has its id.</summary>
    public sealed class MetadataBlobReaderTests : IDisposable
    {
        private static readonly Guid Added = new Guid("11111111-2222-4333-8444-555555555555");
        private static readonly Guid Revoked = new Guid("66666666-7777-4888-8999-aaaaaaaaaaaa");
        private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

        private readonly TestPki _pki = TestPki.Create();

        public void Dispose() => _pki.Dispose();

        [Fact]
        public void Read_SignedByATrustedRoot_ReturnsTheFido2Entries()
        {
            var pki = _pki;

            var blob = Read(pki, pki.Sign(Payload()));

            Assert.Equal(3, blob.Authenticators.Count);
            Assert.Equal(1, blob.SkippedEntries);
            Assert.Equal(42, blob.Number);
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), blob.NextUpdate);
            var added = blob.Authenticators.Single(a => a.Aaguid == Added);
            Assert.Equal("Contoso Test Key", added.Name);
            Assert.Equal("FIDO_CERTIFIED_L2", added.Certification);
            Assert.Equal(AttestationSupport.Accepted, added.Attestation);
            Assert.Equal(ProviderKind.HardwareKey, added.ProviderKind);
            Assert.Equal(PasskeyType.DeviceBound, added.PasskeyType);
            Assert.True(added.ResidentKey);
            Assert.True(added.UserVerification);
            Assert.Equal(new[] { "usb" }, added.Transports);
            Assert.Equal(AuthenticatorSource.MDS3, added.Source);
        }

        [Fact]
        public void Read_RevokedModel_IsNotAttestationCapableAndSaysWhy()
        {
            var pki = _pki;

            var revoked = Read(pki, pki.Sign(Payload())).Authenticators.Single(a => a.Aaguid == Revoked);

            Assert.Equal("REVOKED", revoked.Certification);
            Assert.False(revoked.AttestationCapable);
        }

        [Fact]
        public void Read_Es256Signature_IsAccepted()
        {
            using var pki = TestPki.Create(ecdsa: true);

            Assert.Equal(3, Read(pki, pki.Sign(Payload())).Authenticators.Count);
        }

        [Fact]
        public void Read_ChainWithoutTheRootInX5c_StillVerifiesAgainstTheAnchor()
        {
            var pki = _pki;

            Assert.Equal(3, Read(pki, pki.Sign(Payload(), includeRoot: false)).Authenticators.Count);
        }

        [Fact]
        public void Read_TamperedPayload_IsRefusedAsSignatureInvalid()
        {
            var pki = _pki;
            var parts = pki.Sign(Payload()).Split('.');
            var forged = TestPki.Base64Url(System.Text.Encoding.UTF8.GetBytes("{\"no\":43,\"entries\":[]}"));

            var error = Refused(pki, parts[0] + "." + forged + "." + parts[2]);

            Assert.Equal(MetadataErrors.SignatureInvalid, error.ErrorId);
            Assert.Equal(ErrorKind.Untrusted, error.Kind);
        }

        [Fact]
        public void Read_SignedUnderAnotherRoot_IsRefusedAsChainUntrusted()
        {
            var pki = _pki;
            using var other = TestPki.Create(anotherRoot: true);

            var error = Assert.Throws<EntraPasskeyException>(() => MetadataBlobReader.Read(pki.Sign(Payload()), new MetadataTrust(new[] { other.Root }, null), Now, "test.jwt"));

            Assert.Equal(MetadataErrors.ChainUntrusted, error.ErrorId);
            Assert.Contains("not a trusted root", error.Message);
        }

        [Fact]
        public void Read_ExpiredSigningCertificate_IsRefusedAsChainUntrusted()
        {
            using var pki = TestPki.Create(signerNotAfter: Now.AddDays(-1));

            var error = Refused(pki, pki.Sign(Payload()));

            Assert.Equal(MetadataErrors.ChainUntrusted, error.ErrorId);
            Assert.Contains("is not valid on", error.Message);
        }

        [Theory]
        [InlineData("not a jwt")]
        [InlineData("only.two")]
        [InlineData("a..c")]
        [InlineData("!!!.e30.e30")]
        public void Read_NotAJwt_IsRefusedAsMalformed(string text)
        {
            var pki = _pki;

            Assert.Equal(MetadataErrors.Malformed, Refused(pki, text).ErrorId);
        }

        [Fact]
        public void Read_AlgorithmNone_IsRefusedAsMalformed()
        {
            var pki = _pki;
            var header = TestPki.Base64Url(System.Text.Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"x5c\":[\"" + Convert.ToBase64String(pki.Signer.RawData) + "\"]}"));

            var error = Refused(pki, header + ".e30.c2ln");

            Assert.Equal(MetadataErrors.Malformed, error.ErrorId);
            Assert.Contains("'none' is not RS256 or ES256", error.Message);
        }

        [Fact]
        public void Read_HeaderWithoutX5c_IsRefusedAsMalformed()
        {
            var pki = _pki;
            var header = TestPki.Base64Url(System.Text.Encoding.UTF8.GetBytes("{\"alg\":\"RS256\"}"));

            Assert.Equal(MetadataErrors.Malformed, Refused(pki, header + ".e30.c2ln").ErrorId);
        }

        [Fact]
        public void Read_FidoAllianceTrust_RefusesABlobThatDoesNotChainToTheGlobalSignRoots()
        {
            using var pki = TestPki.Create(signerName: MetadataTrust.FidoSignerCommonName);

            var error = Assert.Throws<EntraPasskeyException>(() => MetadataBlobReader.Read(pki.Sign(Payload()), MetadataTrust.FidoAlliance, Now, "test.jwt"));

            Assert.Equal(MetadataErrors.ChainUntrusted, error.ErrorId);
        }

        [Fact]
        public void Read_TrustThatNamesItsSigner_RefusesAnotherSignerUnderTheSameRoot()
        {
            using var pki = TestPki.Create(signerName: "www.example.com");

            var error = Assert.Throws<EntraPasskeyException>(() => MetadataBlobReader.Read(pki.Sign(Payload()), new MetadataTrust(new[] { pki.Root }, MetadataTrust.FidoSignerCommonName), Now, "test.jwt"));

            Assert.Equal(MetadataErrors.ChainUntrusted, error.ErrorId);
            Assert.Contains("not by the FIDO Alliance's metadata service", error.Message);
        }

        [Fact]
        public void Read_TrustThatNamesItsSigner_AcceptsThatSigner()
        {
            using var pki = TestPki.Create(signerName: MetadataTrust.FidoSignerCommonName);

            var blob = MetadataBlobReader.Read(pki.Sign(Payload()), new MetadataTrust(new[] { pki.Root }, MetadataTrust.FidoSignerCommonName), Now, "test.jwt");

            Assert.Equal(3, blob.Authenticators.Count);
        }

        [Fact]
        public void FidoAlliance_EmbedsTheGlobalSignRootsTheBlobChainsTo()
        {
            var subjects = MetadataTrust.FidoAlliance.Anchors.Select(a => a.Subject).ToList();

            Assert.Equal(2, subjects.Count);
            Assert.Contains(subjects, s => s.Contains("GlobalSign Root R46"));
            Assert.Contains(subjects, s => s.Contains("GlobalSign Root CA - R3"));
            Assert.Equal(MetadataTrust.FidoSignerCommonName, MetadataTrust.FidoAlliance.RequiredSignerCommonName);
        }

        [Fact]
        public void ReadFile_MissingFile_IsRefusedAsFileNotFound()
        {
            var error = Assert.Throws<EntraPasskeyException>(() => MetadataBlobReader.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".jwt"), MetadataTrust.FidoAlliance, Now));

            Assert.Equal(MetadataErrors.FileNotFound, error.ErrorId);
            Assert.Equal(ErrorKind.NotFound, error.Kind);
        }

        [Fact]
        public void FromFile_NotACertificate_IsRefusedAsRootCertificateInvalid()
        {
            var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pem");
            File.WriteAllText(path, "not a certificate");
            try
            {
                Assert.Equal(MetadataErrors.RootCertificateInvalid, Assert.Throws<EntraPasskeyException>(() => MetadataTrust.FromFile(path)).ErrorId);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void FromFile_PemRoot_VerifiesABlobFromAFile()
        {
            var pki = _pki;
            var root = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".pem");
            var blob = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".jwt");
            File.WriteAllText(root, "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(pki.Root.RawData, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n");
            File.WriteAllText(blob, pki.Sign(Payload()));
            try
            {
                Assert.Equal(3, MetadataBlobReader.ReadFile(blob, MetadataTrust.FromFile(root), Now).Authenticators.Count);
            }
            finally
            {
                File.Delete(root);
                File.Delete(blob);
            }
        }

        [Fact]
        public void MergedCatalog_KeepsTheBuiltInNameAndAddsTheBlobsModels()
        {
            var pki = _pki;

            var merged = AuthenticatorCatalog.BuiltIn.MergeWith(Read(pki, pki.Sign(Payload())).Authenticators);

            Assert.Equal("YubiKey 5 Series with NFC", merged.Find(Aaguids.YubiKey5Nfc)!.Name);
            Assert.Equal("FIDO_CERTIFIED_L1", merged.Find(Aaguids.YubiKey5Nfc)!.Certification);
            Assert.Equal(AuthenticatorSource.MDS3, merged.Find(Added)!.Source);
        }

        private static object Payload() => TestPki.SamplePayload(Aaguids.YubiKey5Nfc, Added, Revoked);

        private static MetadataBlob Read(TestPki pki, string jws) =>
            MetadataBlobReader.Read(jws, new MetadataTrust(new[] { pki.Root }, null), Now, "test.jwt");

        private static EntraPasskeyException Refused(TestPki pki, string jws) =>
            Assert.Throws<EntraPasskeyException>(() => Read(pki, jws));
    }
}
