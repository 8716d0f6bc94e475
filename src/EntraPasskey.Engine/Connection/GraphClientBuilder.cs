using System;
using System.Linq;
using System.Threading;
using Azure.Core;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Transport;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;

namespace EntraPasskey.Engine.Connection
{
    /// <summary>
    /// Builds a GraphServiceClient that keeps the SDK middleware (redirects, '$' decoding of query options), retries
    /// with our own handler instead of the SDK's (<see cref="GraphRetryHandler"/>), and sends tokens to the endpoint we
    /// were given: the Graph provider only sends them to the known Graph hosts unless told otherwise (graph-facts §11.2).
    /// </summary>
    internal static class GraphClientBuilder
    {
        /// <param name="reports">The reports budget every attempt at a reports request waits its turn on.</param>
        public static GraphServiceClient Build(TokenCredential credential, Uri graphRoot, string[] scopes, RetryPolicy retries, ReportsBudget reports)
        {
            var authentication = new AzureIdentityAuthenticationProvider(
                credential,
                allowedHosts: new[] { graphRoot.Host },
                observabilityOptions: null,
                isCaeEnabled: true,
                scopes: scopes);
            var handlers = GraphClientFactory.CreateDefaultHandlers()
                .Select(h => h is RetryHandler ? new GraphRetryHandler(retries, reports) : h)
                .ToList();
            var httpClient = GraphClientFactory.Create(handlers);
            // Each attempt has its own timeout and the attempts are bounded; a client-wide one would cut retries short.
            httpClient.Timeout = Timeout.InfiniteTimeSpan;
            return new GraphServiceClient(httpClient, authentication, new Uri(graphRoot, "v1.0").AbsoluteUri);
        }
    }
}
