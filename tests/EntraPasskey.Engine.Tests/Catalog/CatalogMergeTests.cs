using System;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Catalog
{
    /// <summary>A verified MDS3 BLOB laid over the built-in catalog: what Microsoft documents wins, the BLOB adds what it knows better.</summary>
    public sealed class CatalogMergeTests
    {
        private static readonly Guid Swissbit = new Guid("931327dd-c89b-406c-a81e-ed7058ef36c6");
        private static readonly Guid YubiKey5 = new Guid("cb69481e-8ff7-4039-93ec-0a2729a154a8");

        [Fact]
        public void MergeWith_WindowsHelloTheBlobCallsCertified_StaysNotAccepted()
        {
            var blob = Metadata(Aaguids.WindowsHelloTpm, "Windows Hello Hardware Authenticator", AttestationSupport.Accepted, "FIDO_CERTIFIED_L1", ProviderKind.Platform);

            var merged = AuthenticatorCatalog.BuiltIn.MergeWith(new[] { blob }).Find(Aaguids.WindowsHelloTpm)!;

            Assert.Equal(AttestationSupport.NotAccepted, merged.Attestation);
            Assert.Equal("Windows Hello Hardware Authenticator (TPM)", merged.Name);
            Assert.Equal("FIDO_CERTIFIED_L1", merged.Certification);
            Assert.Equal(AuthenticatorSource.MDS3, merged.Source);
            Assert.Contains(AuthenticatorCatalog.BuiltIn.Disagreements(new[] { blob }), d => d.StartsWith("Windows Hello Hardware Authenticator (TPM) ", StringComparison.Ordinal) && d.Contains("would accept"));
        }

        [Fact]
        public void MergeWith_AcceptedKeyTheBlobCallsUncertified_StaysAcceptedAndCertified()
        {
            var blob = Metadata(Swissbit, "Swissbit iShield FIDO2", AttestationSupport.NotAccepted, null, transports: new[] { "usb", "nfc" });

            var merged = AuthenticatorCatalog.BuiltIn.MergeWith(new[] { blob }).Find(Swissbit)!;

            Assert.Equal(AttestationSupport.Accepted, merged.Attestation);
            Assert.Equal("FIDO_CERTIFIED", merged.Certification);
            Assert.Equal("Swissbit iShield Key FIDO2", merged.Name);
            Assert.Equal(new[] { "usb" }, merged.Transports);
            Assert.Contains(AuthenticatorCatalog.BuiltIn.Disagreements(new[] { blob }), d => d.Contains("not FIDO certified") && d.Contains("Accepted, from Microsoft's documentation, is kept"));
        }

        [Fact]
        public void MergeWith_AcceptedKeyTheBlobReportsRevoked_KeepsMicrosoftsAnswerAndSaysSo()
        {
            var blob = Metadata(Swissbit, "Swissbit iShield FIDO2", AttestationSupport.NotAccepted, "REVOKED");

            var merged = AuthenticatorCatalog.BuiltIn.MergeWith(new[] { blob }).Find(Swissbit)!;

            Assert.Equal(AttestationSupport.Accepted, merged.Attestation);
            Assert.Equal("FIDO_CERTIFIED", merged.Certification);
            Assert.Contains(AuthenticatorCatalog.BuiltIn.Disagreements(new[] { blob }), d => d.Contains("(REVOKED)"));
        }

        [Fact]
        public void MergeWith_AcceptedKeyTheBlobAgreesOn_TakesItsLevelAndKeepsTheBuiltInName()
        {
            var blob = Metadata(YubiKey5, "YubiKey  5 Series", AttestationSupport.Accepted, "FIDO_CERTIFIED_L2", residentKey: false, transports: new[] { "usb", "nfc" });

            var merged = AuthenticatorCatalog.BuiltIn.MergeWith(new[] { blob }).Find(YubiKey5)!;

            Assert.Equal("YubiKey 5 Series", merged.Name);
            Assert.Equal("Yubico", merged.Vendor);
            Assert.Equal("FIDO_CERTIFIED_L2", merged.Certification);
            Assert.True(merged.ResidentKey);
            Assert.Equal(new[] { "usb" }, merged.Transports);
            Assert.Empty(AuthenticatorCatalog.BuiltIn.Disagreements(new[] { blob }));
        }

        [Fact]
        public void MergeWith_KeyMicrosoftDoesNotList_StaysNotAcceptedButTakesTheBlobsFacts()
        {
            var blob = Metadata(Aaguids.LedgerNanoX, "Ledger Nano X", AttestationSupport.Accepted, "FIDO_CERTIFIED_L1", residentKey: true, transports: new[] { "usb", "ble" });

            var merged = AuthenticatorCatalog.BuiltIn.MergeWith(new[] { blob }).Find(Aaguids.LedgerNanoX)!;

            Assert.Equal(AttestationSupport.NotAccepted, merged.Attestation);
            Assert.Equal("Ledger Nano X FIDO2 Authenticator", merged.Name);
            Assert.Equal("FIDO_CERTIFIED_L1", merged.Certification);
            Assert.True(merged.ResidentKey);
        }

        [Fact]
        public void MergeWith_AaguidOnlyTheBlobKnows_IsAddedAsTheBlobDescribesIt()
        {
            var blob = Metadata(Aaguids.Unknown, "New key", AttestationSupport.Accepted, "FIDO_CERTIFIED_L2");

            var merged = AuthenticatorCatalog.BuiltIn.MergeWith(new[] { blob });

            Assert.Same(blob, merged.Find(Aaguids.Unknown));
            Assert.Equal(AuthenticatorCatalog.BuiltIn.All.Count + 1, merged.All.Count);
            Assert.Equal(AuthenticatorSource.BuiltIn, merged.Find(Aaguids.ICloudKeychain)!.Source);
            Assert.Same(AuthenticatorCatalog.BuiltIn.Provenance, merged.Provenance);
        }

        private static PasskeyAuthenticator Metadata(Guid aaguid, string name, AttestationSupport attestation, string? certification,
            ProviderKind kind = ProviderKind.HardwareKey, bool residentKey = true, string[]? transports = null) =>
            new PasskeyAuthenticator(aaguid, name, null, PasskeyType.DeviceBound, kind, attestation, certification, residentKey, true,
                transports ?? new[] { "usb" }, null, AuthenticatorSource.MDS3);
    }
}
