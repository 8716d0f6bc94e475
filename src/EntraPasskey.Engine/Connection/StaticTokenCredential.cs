using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;

namespace EntraPasskey.Engine.Connection
{
    /// <summary>
    /// A token obtained elsewhere (-AccessToken, or a Microsoft Graph PowerShell connection). It cannot be refreshed;
    /// once it expires, calls fail with an authentication error that says to connect again.
    /// </summary>
    internal sealed class StaticTokenCredential : TokenCredential
    {
        public const string ExpiredErrorId = "AccessTokenExpired";

        private readonly AccessToken _token;
        private readonly Func<DateTimeOffset> _clock;

        /// <param name="clock">Now; the wall clock unless a test moves its own.</param>
        public StaticTokenCredential(string token, DateTimeOffset? expiresOn, Func<DateTimeOffset>? clock = null)
        {
            _clock = clock ?? (() => DateTimeOffset.UtcNow);
            _token = new AccessToken(token, expiresOn ?? _clock().AddHours(1));
        }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            if (_token.ExpiresOn <= _clock())
            {
                throw new EntraPasskeyException(
                    ExpiredErrorId,
                    ErrorKind.AuthenticationFailed,
                    $"The access token expired at {_token.ExpiresOn:u}.",
                    "Obtain a new token and run Connect-EntraPasskey again.");
            }

            return _token;
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new ValueTask<AccessToken>(GetToken(requestContext, cancellationToken));
    }
}
