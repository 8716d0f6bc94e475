using System;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Connection
{
    /// <summary>Connect-EntraPasskey's own refusals, before any token leaves the machine: stable ids, the input named.</summary>
    public sealed class ConnectionErrorsTests
    {
        [Fact]
        public async Task AccessToken_AlreadyExpired_IsAccessTokenExpiredWithoutTheToken()
        {
            var expired = UnsignedJwt(DateTimeOffset.UtcNow.AddMinutes(-5));

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => ConnectAsync(expired));

            Assert.Equal(("AccessTokenExpired", ErrorKind.AuthenticationFailed), (error.ErrorId, error.Kind));
            Assert.StartsWith("The access token expired at ", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(expired, error.Message + error.RecommendedAction, StringComparison.Ordinal);
        }

        [Fact]
        public async Task AccessToken_StillValid_Connects()
        {
            using var connection = await ConnectAsync(UnsignedJwt(DateTimeOffset.UtcNow.AddMinutes(5)));

            Assert.Equal(new Uri("https://graph.microsoft.com/"), connection.GraphRoot);
        }

        [Theory]
        [InlineData("ftp://graph.example.test/", "GraphEndpointInvalid")]
        [InlineData("http://graph.example.test/", "GraphEndpointInsecure")]
        public async Task GraphEndpoint_NotHttpsOrLoopback_IsRefusedNamingIt(string endpoint, string errorId)
        {
            var request = new ConnectionRequest
            {
                Mode = ConnectionMode.AccessToken,
                AccessToken = TestTokens.Secure(UnsignedJwt(DateTimeOffset.UtcNow.AddMinutes(5))),
                GraphEndpoint = new Uri(endpoint),
            };

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => EntraPasskeyConnection.ConnectAsync(request, CancellationToken.None));

            Assert.Equal((errorId, ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
            Assert.Equal(endpoint, error.Target);
        }

        [Theory]
        [InlineData(null, "061f1d99-9360-4406-b243-b1d623270823", "-TenantId is required for this way of connecting.")]
        [InlineData("contoso.onmicrosoft.com", " ", "-ClientId is required for this way of connecting.")]
        public async Task ClientSecret_WithoutTenantOrClient_IsConnectionParameterMissingNamingIt(string? tenantId, string clientId, string message)
        {
            var request = new ConnectionRequest
            {
                Mode = ConnectionMode.ClientSecret,
                TenantId = tenantId,
                ClientId = clientId,
                ClientSecret = TestTokens.Secure("not-used"),
            };

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => EntraPasskeyConnection.ConnectAsync(request, CancellationToken.None));

            Assert.Equal(("ConnectionParameterMissing", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
            Assert.Equal(message, error.Message);
        }

        [Fact]
        public async Task CertificateThumbprint_NotInAnyStore_IsCertificateNotFound()
        {
            const string thumbprint = "00112233445566778899AABBCCDDEEFF00112233";
            var request = new ConnectionRequest
            {
                Mode = ConnectionMode.CertificateThumbprint,
                TenantId = "contoso.onmicrosoft.com",
                ClientId = "061f1d99-9360-4406-b243-b1d623270823",
                CertificateThumbprint = thumbprint,
            };

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => EntraPasskeyConnection.ConnectAsync(request, CancellationToken.None));

            Assert.Equal(("CertificateNotFound", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
            Assert.Equal(thumbprint, error.Target);
            Assert.Contains("with its private key", error.RecommendedAction, StringComparison.Ordinal);
        }

        private static Task<EntraPasskeyConnection> ConnectAsync(string token) =>
            EntraPasskeyConnection.ConnectAsync(new ConnectionRequest { Mode = ConnectionMode.AccessToken, AccessToken = TestTokens.Secure(token) }, CancellationToken.None);

        private static string UnsignedJwt(DateTimeOffset expires) =>
            TestTokens.UnsignedJwt($"{{\"aud\":\"https://graph.microsoft.com\",\"tid\":\"8b2e6f1a-0d4c-4c1e-9a57-2f3c0e9d1b6a\",\"appid\":\"061f1d99-9360-4406-b243-b1d623270823\",\"roles\":[\"User.Read.All\"],\"exp\":{expires.ToUnixTimeSeconds()}}}");
    }
}
