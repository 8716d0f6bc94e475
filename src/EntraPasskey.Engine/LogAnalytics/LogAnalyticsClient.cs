using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Identity;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;

namespace EntraPasskey.Engine.LogAnalytics
{
    /// <summary>
    /// Runs one KQL query through the Log Analytics query API (POST {endpoint}/v1/workspaces/{id}/query) with the
    /// connection's credential and a token for the cloud's Log Analytics resource. Plain HttpClient and
    /// System.Text.Json: no extra package. Throttling and outages are retried after Retry-After, a few times.
    /// </summary>
    internal sealed class LogAnalyticsClient
    {
        private const int MaxAttempts = 4;

        /// <summary>No client-wide timeout: each query has its own (<see cref="DefaultTimeout"/> unless a test asks for less).</summary>
        private static readonly HttpClient Http = new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

        private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(100);

        private readonly TokenCredential _credential;
        private readonly Uri _resource;
        private readonly Uri _endpoint;
        private readonly EngineLog _log;
        private readonly TimeSpan _timeout;

        public LogAnalyticsClient(TokenCredential credential, CloudEnvironment environment, Uri? endpoint, EngineLog log, TimeSpan? timeout = null)
        {
            _timeout = timeout ?? DefaultTimeout;
            _credential = credential;
            _resource = LogAnalyticsEndpoints.For(environment);
            _endpoint = endpoint == null ? _resource : LogAnalyticsEndpoints.Validate(endpoint);
            _log = log;
        }

        public async Task<LogAnalyticsTable> QueryAsync(Guid workspaceId, string query, CancellationToken cancellationToken)
        {
            var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
            var url = new Uri(_endpoint, $"v1/workspaces/{workspaceId:D}/query");
            var body = JsonSerializer.Serialize(new { query });
            _log.Verbose($"POST {url} (KQL, {query.Length} characters)");
            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                HttpResponseMessage response;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_timeout);
                try
                {
                    response = await Http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                }
                catch (HttpRequestException ex)
                {
                    throw new EntraPasskeyException(
                        "LogAnalyticsUnreachable", ErrorKind.ServiceUnavailable,
                        $"Could not reach the Log Analytics query API at {_endpoint}: {MessageText.FirstLine(ex.Message)}",
                        "Check the network connection and -LogAnalyticsEndpoint, then run the command again.", workspaceId.ToString("D"), ex);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new EntraPasskeyException(
                        "LogAnalyticsTimeout", ErrorKind.Timeout, "The Log Analytics query did not answer in time.",
                        "Narrow the window (-Days) and run the command again.", workspaceId.ToString("D"), ex);
                }

                using (response)
                {
                    var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return LogAnalyticsErrors.Readable(() => LogAnalyticsTable.Parse(text), workspaceId);
                    }

                    if ((status == 429 || status >= 500) && attempt < MaxAttempts)
                    {
                        var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
                        _log.Verbose($"Log Analytics answered {status}; retrying in {wait.TotalSeconds:0} s.");
                        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    throw LogAnalyticsErrors.FromResponse(status, text, workspaceId, _resource);
                }
            }
        }

        /// <summary>
        /// A token for the Log Analytics resource. A token obtained elsewhere (-AccessToken, Connect-MgGraph) is for
        /// Graph whatever is asked, so its audience is checked here rather than discovered as a 401 later.
        /// </summary>
        private async Task<string> TokenAsync(CancellationToken cancellationToken)
        {
            AccessToken token;
            try
            {
                token = await _credential.GetTokenAsync(new TokenRequestContext(new[] { _resource.AbsoluteUri + ".default" }), cancellationToken).ConfigureAwait(false);
            }
            catch (AuthenticationFailedException ex)
            {
                throw LogAnalyticsErrors.TokenUnavailable(_resource, "signing in for it failed: " + MessageText.FirstLine(ex.Message), ex);
            }

            var audience = TokenClaims.Parse(token.Token).Audience;
            if (audience != null && !string.Equals(audience.TrimEnd('/'), _resource.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
            {
                throw LogAnalyticsErrors.TokenUnavailable(_resource, $"the connection holds a token for {audience} only (-AccessToken, or borrowed from Connect-MgGraph), and such a token cannot be exchanged", null);
            }

            return token.Token;
        }
    }
}
