using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Catalog.Mds;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Catalog
{
    /// <summary>
    /// An archived BLOB whose signing certificate has since expired: refused by default, read as of its own nextUpdate
    /// date on request, and only when the certificate was valid then.
    /// </summary>
    public sealed class MetadataBlobDateTests : IClassFixture<MetadataBlobDateTests.ExpiredPki>
    {
        private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

        /// <summary>Midnight ten days ago, when the signer expired (the platform counts that very second as expired).</summary>
        private static readonly DateTimeOffset SignerNotAfter = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-10);

        private readonly TestPki _pki;

        public MetadataBlobDateTests(ExpiredPki expired)
        {
            _pki = expired.Pki;
        }

        [Fact]
        public void Read_SignerExpiredSinceTheBlobsDate_IsRefusedByDefaultAndNamesTheSwitch()
        {
            var error = Assert.Throws<EntraPasskeyException>(() => Read(Payload(SignerNotAfter.AddDays(-1)), asOfBlobDate: false));

            Assert.Equal(MetadataErrors.ChainUntrusted, error.ErrorId);
            Assert.Contains($"is not valid on {Now:yyyy-MM-dd} (", error.Message);
            Assert.Contains("-VerifyAsOfBlobDate", error.RecommendedAction);
        }

        [Fact]
        public void Read_AsOfBlobDate_NextUpdateInTheSignersLastSecond_Verifies()
        {
            var blob = Read(Payload(SignerNotAfter.AddSeconds(-1)), asOfBlobDate: true);

            Assert.Equal(SignerNotAfter.AddSeconds(-1), blob.VerifiedAt);
            Assert.Equal(3, blob.Authenticators.Count);
        }

        [Fact]
        public void Read_AsOfBlobDate_NextUpdateWhenTheSignerExpired_IsRefused()
        {
            var error = Assert.Throws<EntraPasskeyException>(() => Read(Payload(SignerNotAfter), asOfBlobDate: true));

            Assert.Equal(MetadataErrors.ChainUntrusted, error.ErrorId);
            Assert.Contains("the BLOB's nextUpdate date", error.Message);
            Assert.DoesNotContain("-VerifyAsOfBlobDate", error.RecommendedAction);
        }

        [Fact]
        public void Read_AsOfBlobDate_StillChecksTheSignature()
        {
            var parts = Sign(Payload(SignerNotAfter)).Split('.');
            var forged = TestPki.Base64Url(System.Text.Encoding.UTF8.GetBytes("{\"no\":43,\"nextUpdate\":\"2020-01-01\",\"entries\":[]}"));

            var error = Assert.Throws<EntraPasskeyException>(() => MetadataBlobReader.Read(parts[0] + "." + forged + "." + parts[2], Trust(), Now, "test.jwt", asOfBlobDate: true));

            Assert.Equal(MetadataErrors.SignatureInvalid, error.ErrorId);
        }

        [Fact]
        public void Read_AsOfBlobDate_WithoutNextUpdate_IsRefusedAsMalformed()
        {
            var payload = Payload(SignerNotAfter);
            payload.Remove("nextUpdate");

            var error = Assert.Throws<EntraPasskeyException>(() => Read(payload, asOfBlobDate: true));

            Assert.Equal(MetadataErrors.Malformed, error.ErrorId);
            Assert.Contains("no nextUpdate", error.Message);
        }

        [Fact]
        public void Read_AsOfBlobDate_CurrentBlob_IsCheckedAsOfNow()
        {
            using var current = TestPki.Create();
            var payload = Payload(Now.AddDays(20));

            var blob = MetadataBlobReader.Read(current.Sign(payload), new MetadataTrust(new[] { current.Root }, null), Now, "test.jwt", asOfBlobDate: true);

            Assert.Equal(Now, blob.VerifiedAt);
        }

        /// <summary>Key generation is slow: one authority whose signer expired <see cref="SignerNotAfter"/> serves every test.</summary>
        public sealed class ExpiredPki : IDisposable
        {
            internal TestPki Pki { get; } = TestPki.Create(signerNotAfter: SignerNotAfter);

            public void Dispose() => Pki.Dispose();
        }

        private static Dictionary<string, object> Payload(DateTimeOffset nextUpdate)
        {
            var payload = (Dictionary<string, object>)TestPki.SamplePayload(Aaguids.YubiKey5Nfc, Aaguids.Unknown, new Guid("66666666-7777-4888-8999-aaaaaaaaaaaa"));
            payload["nextUpdate"] = nextUpdate.ToString("yyyy-MM-ddTHH:mm:ssZ");
            return payload;
        }

        private MetadataTrust Trust() => new MetadataTrust(new[] { _pki.Root }, null);

        private string Sign(object payload) => _pki.Sign(payload);

        private MetadataBlob Read(object payload, bool asOfBlobDate) => MetadataBlobReader.Read(Sign(payload), Trust(), Now, "test.jwt", asOfBlobDate);
    }
}
