using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

namespace Bench;

/// <summary>
/// What today's passkey-readiness scripts do, user after user: read the methods policy, the user, the user's groups
/// twice (once for the include targets, once for the exclude targets), the registered methods and the user's
/// recent beta sign-ins. Six sequential calls per user; 429, 503 and 504 are retried after Retry-After (or an
/// exponential back-off without it), as the Graph SDK's retry handler would.
/// </summary>
internal sealed class SequentialBaseline(Uri graph, string token)
{
    private const int MaxAttempts = 6;

    /// <summary>The calls of one user, in order, with the budget each is charged to on Graph.</summary>
    public static IReadOnlyList<(string Purpose, string Budget, Func<string, string> Url)> Plan { get; } =
    [
        ("policy", "identity", _ => "v1.0/policies/authenticationMethodsPolicy"),
        ("user", "identity", id => $"v1.0/users/{id}?$select=id,userPrincipalName,displayName,accountEnabled,userType"),
        ("groups for include targets", "identity", id => $"v1.0/users/{id}/transitiveMemberOf?$select=id&$top=999"),
        ("groups for exclude targets", "identity", id => $"v1.0/users/{id}/transitiveMemberOf?$select=id&$top=999"),
        ("methods", "identity", id => $"v1.0/users/{id}/authentication/methods"),
        ("sign-ins", "reports", id => $"beta/auditLogs/signIns?$filter={Uri.EscapeDataString($"userId eq '{id}'")}&$top=10"),
    ];

    public async Task<BaselineResult> RunAsync(IReadOnlyList<string> userIds)
    {
        using var http = new HttpClient { BaseAddress = graph, Timeout = TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var retries = 0;
        var requests = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan? firstUser = null;
        foreach (var id in userIds)
        {
            foreach (var (purpose, _, url) in Plan)
            {
                var (status, attempts) = await SendAsync(http, url(id)).ConfigureAwait(false);
                requests += attempts;
                retries += attempts - 1;
                var key = $"{purpose}: {status}";
                statuses[key] = statuses.GetValueOrDefault(key) + 1;
            }

            firstUser ??= clock.Elapsed;
        }

        return new BaselineResult(
            userIds.Count,
            Math.Round(clock.Elapsed.TotalSeconds, 3),
            Math.Round((firstUser ?? clock.Elapsed).TotalSeconds, 3),
            requests,
            retries,
            Plan.Count,
            Plan.GroupBy(p => p.Budget).ToDictionary(g => g.Key, g => g.Count()),
            statuses);
    }

    private static async Task<(int Status, int Attempts)> SendAsync(HttpClient http, string url)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.GetAsync(url).ConfigureAwait(false);
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                await Task.Delay(Backoff(attempt)).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                // Read the body as a script would, to parse it.
                using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
                var status = (int)response.StatusCode;
                if (status is 429 or 503 or 504 && attempt < MaxAttempts)
                {
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? Backoff(attempt)).ConfigureAwait(false);
                    continue;
                }

                return (status, attempt);
            }
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromSeconds(Math.Pow(2, attempt - 1));
}

/// <summary>What the baseline measured; <see cref="CallsPerUser"/> and <see cref="CallsPerUserByBudget"/> are its plan.</summary>
internal sealed record BaselineResult(
    int Users,
    double WallSeconds,
    double FirstUserSeconds,
    int Requests,
    int Retries,
    int CallsPerUser,
    IReadOnlyDictionary<string, int> CallsPerUserByBudget,
    IReadOnlyDictionary<string, int> Statuses);
