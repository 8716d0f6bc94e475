using System;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;

namespace EntraPasskey.Engine.Connection
{
    /// <summary>
    /// Builds a GraphServiceClient that keeps the SDK middleware (retry with Retry-After, redirects, '$' decoding of
    /// query options) and sends tokens to the endpoint we were given: the Graph provider only sends them to the known
    /// Graph hosts unless told otherwise (graph-facts §11.2).
    /// </summary>
    internal static class GraphClientBuilder
    {
        public static GraphServiceClient Build(TokenCredential credential, Uri graphRoot, string[] scopes)
        {
            var authentication = new AzureIdentityAuthenticationProvider(
                credential,
                allowedHosts: new[] { graphRoot.Host },
                observabilityOptions: null,
                isCaeEnabled: true,
                scopes: scopes);
            var httpClient = GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers());
            return new GraphServiceClient(httpClient, authentication, new Uri(graphRoot, "v1.0").AbsoluteUri);
        }
    }
}
