using System;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// A user key in a URL path as Graph requires it (user-get.md): '#' (every B2B guest's #EXT#), '%', '/' and '?'
    /// percent-encoded, and a user principal name that starts with '$' in the OData key form <c>users('$…')</c>, since
    /// <c>users/$…</c> is refused as a system query option. Unencoded, '#' starts a URL fragment and Graph answers for
    /// another, missing, user.
    /// </summary>
    internal static class UserPath
    {
        /// <summary>"users/gus_fabrikam.com%23EXT%23@contoso.onmicrosoft.com", "users('$adele@contoso.com')".</summary>
        public static string Of(string key) =>
            key.StartsWith("$", StringComparison.Ordinal)
                ? "users('" + Encode(key).Replace("'", "''") + "')"
                : "users/" + Encode(key);

        /// <summary>
        /// A GET for a $batch step: <paramref name="relative"/> (a <see cref="Of"/> path with its query) is sent as written.
        /// The SDK builds a step's URL by unescaping the request's path once, so every '%' is escaped here once more.
        /// </summary>
        public static RequestInformation BatchGet(GraphServiceClient client, string relative)
        {
            var request = new RequestInformation
            {
                HttpMethod = Method.GET,
                URI = new Uri(client.RequestAdapter.BaseUrl!.TrimEnd('/') + "/" + relative.Replace("%", "%25")),
            };
            request.Headers.TryAdd("Accept", "application/json");
            return request;
        }

        private static string Encode(string key) =>
            key.Replace("%", "%25").Replace("#", "%23").Replace("/", "%2F").Replace("?", "%3F");
    }
}
