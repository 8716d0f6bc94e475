using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Identity;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Connection
{
    /// <summary>Connect-EntraPasskey's sign-in failures: stable ids, a next step for the way of signing in, no secret.</summary>
    public sealed class SignInErrorsTests
    {
        private const string Secret = "s3cret-value-never-shown";

        [Theory]
        [InlineData("not a tenant!", null)]
        [InlineData("contoso.onmicrosoft.com", "http://login.example.test")]
        public async Task ConnectAsync_SettingAzureIdentityRefuses_IsConnectionParameterInvalid(string tenantId, string? authorityHost)
        {
            var request = new ConnectionRequest
            {
                Mode = ConnectionMode.ClientSecret,
                TenantId = tenantId,
                ClientId = "061f1d99-9360-4406-b243-b1d623270823",
                ClientSecret = TestTokens.Secure(Secret),
                AuthorityHost = authorityHost == null ? null : new Uri(authorityHost),
            };

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => EntraPasskeyConnection.ConnectAsync(request, CancellationToken.None));

            Assert.Equal(("ConnectionParameterInvalid", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
            Assert.StartsWith("The sign-in settings are not valid: ", error.Message, StringComparison.Ordinal);
            Assert.Contains("-TenantId", error.RecommendedAction, StringComparison.Ordinal);
            Assert.IsAssignableFrom<ArgumentException>(error.InnerException);
            Assert.DoesNotContain(Secret, error.Message + error.RecommendedAction, StringComparison.Ordinal);
        }

        [Fact]
        public void SignInFailed_AzureIdentityFailure_KeepsItsFirstLineAndSaysWhatToCheckForASecret()
        {
            var failure = new AuthenticationFailedException("ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.\nTrace ID: 1");

            var error = SignInErrors.SignInFailed(failure, ConnectionMode.ClientSecret);

            Assert.Equal(("AuthenticationFailed", ErrorKind.AuthenticationFailed), (error.ErrorId, error.Kind));
            Assert.Equal("Signing in to Microsoft Entra ID failed: ClientSecretCredential authentication failed: AADSTS7000215: Invalid client secret provided.", error.Message);
            Assert.Contains("not its id", error.RecommendedAction, StringComparison.Ordinal);
            Assert.Same(failure, error.InnerException);
        }

        [Fact]
        public void SignInFailed_NoManagedIdentityHere_SaysWhereOneIsAssigned()
        {
            var error = SignInErrors.SignInFailed(new CredentialUnavailableException("ManagedIdentityCredential authentication unavailable."), ConnectionMode.ManagedIdentity);

            Assert.Equal("AuthenticationFailed", error.ErrorId);
            Assert.Contains("managed identity is assigned", error.RecommendedAction, StringComparison.Ordinal);
        }

        [Fact]
        public void SignInFailed_SomethingElse_NamesItsTypeButNotItsMessage()
        {
            var error = SignInErrors.SignInFailed(new InvalidOperationException("client_secret=" + Secret), ConnectionMode.ClientSecret);

            Assert.Equal("Signing in to Microsoft Entra ID failed: the credential failed with InvalidOperationException", error.Message);
            Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
        }
    }
}
