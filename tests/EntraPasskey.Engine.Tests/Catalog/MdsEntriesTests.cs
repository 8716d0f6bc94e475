using System;
using System.Linq;
using System.Text.Json;
using EntraPasskey.Engine.Catalog.Mds;
using Xunit;

namespace EntraPasskey.Engine.Tests.Catalog
{
    /// <summary>When an MDS3 entry makes a model one whose attestation Entra accepts: Entra's entry requirements, not certification alone.</summary>
    public sealed class MdsEntriesTests
    {
        private static readonly Guid Key = new Guid("0a1b2c3d-4e5f-4061-8293-a4b5c6d7e8f9");

        [Fact]
        public void Read_CertifiedFido2KeyWithResidentKeysAndUserVerification_IsAccepted()
        {
            var entry = Read("{\"rk\": true, \"up\": true, \"clientPin\": true}", null);

            Assert.Equal(AttestationSupport.Accepted, entry.Attestation);
            Assert.True(entry.ResidentKey);
            Assert.True(entry.UserVerification);
        }

        [Fact]
        public void Read_CertifiedKeyWithoutResidentKeys_IsNotAccepted()
        {
            var entry = Read("{\"rk\": false, \"up\": true, \"clientPin\": true}", null);

            Assert.False(entry.ResidentKey);
            Assert.Equal(AttestationSupport.NotAccepted, entry.Attestation);
            Assert.Equal("FIDO_CERTIFIED_L1", entry.Certification);
        }

        [Fact]
        public void Read_CertifiedKeyThatOnlyChecksPresence_IsNotAccepted()
        {
            var entry = Read("{\"rk\": true, \"up\": true}", "[[{\"userVerificationMethod\": \"presence_internal\"}], [{\"userVerificationMethod\": \"none\"}]]");

            Assert.False(entry.UserVerification);
            Assert.Equal(AttestationSupport.NotAccepted, entry.Attestation);
        }

        [Fact]
        public void Read_PlatformKeyWhoseStatementNamesABiometric_VerifiesTheUserAndIsAccepted()
        {
            // Windows Hello's getInfo has neither uv nor clientPin; its userVerificationDetails name what it checks.
            var entry = Read("{\"rk\": true, \"up\": true, \"plat\": true}", "[[{\"userVerificationMethod\": \"presence_internal\"}, {\"userVerificationMethod\": \"fingerprint_internal\"}]]");

            Assert.True(entry.UserVerification);
            Assert.Equal(AttestationSupport.Accepted, entry.Attestation);
        }

        [Fact]
        public void Read_StatementThatSaysNothingOfUserVerification_LeavesItUnknownAndIsNotAccepted()
        {
            var entry = Read(null, null);

            Assert.Null(entry.UserVerification);
            Assert.Null(entry.ResidentKey);
            Assert.Equal(AttestationSupport.NotAccepted, entry.Attestation);
        }

        private static PasskeyAuthenticator Read(string? options, string? userVerificationDetails)
        {
            var getInfo = options == null ? string.Empty : $", \"authenticatorGetInfo\": {{\"versions\": [\"FIDO_2_0\"], \"options\": {options}}}";
            var details = userVerificationDetails == null ? string.Empty : $", \"userVerificationDetails\": {userVerificationDetails}";
            var json = $"{{\"no\": 1, \"nextUpdate\": \"2026-12-01\", \"entries\": [{{\"aaguid\": \"{Key}\", \"statusReports\": [{{\"status\": \"FIDO_CERTIFIED_L1\"}}], "
                + $"\"metadataStatement\": {{\"description\": \"Test key\", \"protocolFamily\": \"fido2\", \"attestationTypes\": [\"basic_full\"]{getInfo}{details}}}}}]}}";
            using var document = JsonDocument.Parse(json);
            return MdsEntries.Read(document.RootElement, "test.jwt", DateTimeOffset.UtcNow).Authenticators.Single();
        }
    }
}
