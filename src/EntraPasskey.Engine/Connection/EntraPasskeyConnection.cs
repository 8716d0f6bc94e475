using System;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Transport;
using Microsoft.Graph;

namespace EntraPasskey.Engine.Connection
{
    /// <summary>
    /// A signed-in connection to one tenant's Graph endpoint: the credential, the Graph client built on it, and
    /// what the token says about who is connected. Thread-safe; one per PowerShell session.
    /// </summary>
    public sealed class EntraPasskeyConnection : IDisposable
    {
        private readonly Lazy<GraphServiceClient> _graph;

        private EntraPasskeyConnection(TokenCredential credential, Uri graphRoot, string[] scopes, EntraPasskeyContext context, ReportsBudget reports, RetryPolicy retries)
        {
            GraphRoot = graphRoot;
            Context = context;
            Credential = credential;
            Reports = reports;
            Retries = retries;
            _graph = new Lazy<GraphServiceClient>(() => GraphClientBuilder.Build(credential, graphRoot, scopes, retries, reports));
        }

        public EntraPasskeyContext Context { get; }

        /// <summary>Graph root without version, e.g. https://graph.microsoft.com.</summary>
        public Uri GraphRoot { get; }

        internal GraphServiceClient Graph => _graph.Value;

        /// <summary>The app's reports budget (sign-ins, audits), shared by every connection of the process to the same app and tenant.</summary>
        internal ReportsBudget Reports { get; }

        /// <summary>Paces the users' $batch reads of a bulk run on the identity budget (<see cref="IdentityBudget"/>).</summary>
        internal IdentityBudget Identity { get; } = new IdentityBudget();

        /// <summary>The signed-in credential, for the few calls that are not Graph (Log Analytics queries).</summary>
        internal TokenCredential Credential { get; }

        /// <summary>How hard Graph requests are tried (attempts, timeouts, waits).</summary>
        internal RetryPolicy Retries { get; }

        /// <summary>
        /// True when <paramref name="error"/> means no later request on this connection can succeed: the token was
        /// obtained elsewhere (-AccessToken, a borrowed Connect-MgGraph token), so nothing renews it, and it has expired
        /// or Graph rejects it. A run then stops once instead of failing user by user. A connection with a credential
        /// (secret, certificate, managed identity, interactive) renews its token and goes on.
        /// </summary>
        public bool EndsRun(EntraPasskeyException error) =>
            Credential is StaticTokenCredential
            && (error.ErrorId == StaticTokenCredential.ExpiredErrorId || error.ErrorId == GraphErrors.AuthenticationFailedId);

        /// <summary>Builds the credential and acquires a first token, so a wrong secret fails here and not on the first user.</summary>
        public static Task<EntraPasskeyConnection> ConnectAsync(ConnectionRequest request, CancellationToken cancellationToken) =>
            ConnectAsync(request, null, RetryPolicy.Default, cancellationToken);

        /// <param name="reports">The connection's reports budget: null for the process's budget of the app and tenant the token names (<see cref="ReportsBudgets"/>); tests pass one on a clock they move.</param>
        /// <param name="retries">How hard requests are tried; tests make the waits short.</param>
        internal static async Task<EntraPasskeyConnection> ConnectAsync(ConnectionRequest request, ReportsBudget? reports, RetryPolicy retries, CancellationToken cancellationToken)
        {
            // A bad endpoint is reported before anything about the credential.
            TrimToRoot(request.GraphEndpoint ?? CloudEndpoints.GraphRoot(request.Environment));
            TokenCredential credential;
            try
            {
                credential = CredentialFactory.Create(request);
            }
            catch (ArgumentException refused)
            {
                throw SignInErrors.InvalidSetting(refused);
            }

            return await ConnectAsync(credential, request, reports, retries, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Connects with a credential made elsewhere (tests: one whose transport trusts the simulator's certificate).</summary>
        internal static async Task<EntraPasskeyConnection> ConnectAsync(TokenCredential credential, ConnectionRequest request, ReportsBudget? reports, RetryPolicy retries, CancellationToken cancellationToken)
        {
            var graphRoot = TrimToRoot(request.GraphEndpoint ?? CloudEndpoints.GraphRoot(request.Environment));
            var scopes = Scopes.For(request);
            AccessToken token;
            try
            {
                token = await credential.GetTokenAsync(new TokenRequestContext(scopes), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is EntraPasskeyException) && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw SignInErrors.SignInFailed(ex, request.Mode);
            }

            var claims = TokenClaims.Parse(token.Token);
            var context = new EntraPasskeyContext(
                claims.Account,
                claims.TenantId ?? request.TenantId,
                claims.ClientId ?? request.ClientId,
                claims.IsAppOnly ? "AppOnly" : "Delegated",
                request.Mode,
                request.Environment,
                graphRoot,
                claims.Scopes,
                claims.ExpiresOn ?? token.ExpiresOn);
            return new EntraPasskeyConnection(credential, graphRoot, scopes, context, reports ?? ReportsBudgets.For(context), retries);
        }

        public void Dispose()
        {
            if (_graph.IsValueCreated)
            {
                _graph.Value.Dispose();
            }
        }

        /// <summary>Accepts https://host, https://host/ or https://host/v1.0 and keeps the root.</summary>
        private static Uri TrimToRoot(Uri endpoint)
        {
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            {
                throw new EntraPasskeyException(
                    "GraphEndpointInvalid", ErrorKind.InvalidArgument,
                    $"The Graph endpoint '{endpoint}' is not an absolute http(s) URL.",
                    "Pass the root of a Graph-compatible endpoint, for example https://graph.microsoft.com.", endpoint.ToString());
            }

            if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
            {
                throw new EntraPasskeyException(
                    "GraphEndpointInsecure", ErrorKind.InvalidArgument,
                    $"The Graph endpoint '{endpoint}' uses plain http; tokens are only sent over https (or to loopback).",
                    "Use an https endpoint.", endpoint.ToString());
            }

            return new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/");
        }
    }
}
