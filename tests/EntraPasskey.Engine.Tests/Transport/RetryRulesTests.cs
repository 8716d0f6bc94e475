using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using EntraPasskey.Engine.Transport;
using Xunit;

namespace EntraPasskey.Engine.Tests.Transport
{
    /// <summary>The transport's decisions as pure functions: what may be sent again, how long to wait, what a body is.</summary>
    public sealed class RetryRulesTests
    {
        private static readonly Uri Graph = new Uri("https://graph.microsoft.com/v1.0/");

        [Theory]
        [InlineData("GET", "users/a@contoso.com", null, "Read")]
        [InlineData("GET", "../beta/auditLogs/signIns?$top=1000", null, "ReportRead")]
        [InlineData("GET", "reports/authenticationMethods/userRegistrationDetails", null, "ReportRead")]
        [InlineData("POST", "$batch", "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/a\"},{\"id\":\"2\",\"method\":\"get\",\"url\":\"/groups/b\"}]}", "BatchRead")]
        [InlineData("POST", "$batch", "{\"requests\":[{\"id\":\"1\",\"method\":\"GET\",\"url\":\"/users/a\"},{\"id\":\"2\",\"method\":\"POST\",\"url\":\"/users/a/authentication/temporaryAccessPassMethods\"}]}", "Write")]
        [InlineData("POST", "$batch", "not json", "Write")]
        [InlineData("POST", "users/a/authentication/temporaryAccessPassMethods", "{}", "Write")]
        [InlineData("PATCH", "policies/authenticationMethodsPolicy", "{}", "Write")]
        public void RequestKinds_OnlyGetsAndBatchesOfGetsAreReads(string method, string path, string? body, string expected)
        {
            var kind = RequestKinds.Of(new HttpMethod(method), new Uri(Graph, path), body == null ? null : Encoding.UTF8.GetBytes(body));

            Assert.Equal(expected, kind.ToString());
        }

        [Theory]
        [InlineData(1, null, 1_000)]
        [InlineData(2, null, 2_000)]
        [InlineData(4, null, 8_000)]
        [InlineData(8, null, 60_000)]
        [InlineData(1, 7_000, 7_000)]
        [InlineData(3, 0, 0)]
        [InlineData(1, 600_000, 60_000)]
        [InlineData(1, -5_000, 0)]
        public void WaitAfter_IsRetryAfterOrADoublingBackoff_NeverPastTheLongestWait(int attempt, int? retryAfterMs, int expectedMs)
        {
            var wait = RetryPolicy.Default.WaitAfter(attempt, retryAfterMs.HasValue ? TimeSpan.FromMilliseconds(retryAfterMs.Value) : (TimeSpan?)null);

            Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), wait);
        }

        [Theory]
        [InlineData(429, true, true)]
        [InlineData(503, true, true)]
        [InlineData(504, true, true)]
        [InlineData(502, false, true)]
        [InlineData(500, false, false)]
        [InlineData(404, false, false)]
        [InlineData(401, false, false)]
        public void Transient_WritesOnlyWhenGraphDidNotAct_ReadsAlsoAfterABadGateway(int status, bool anyRequest, bool reads)
        {
            Assert.Equal((anyRequest, reads), (RetryPolicy.IsTransient(status), RetryPolicy.IsTransientForRead(status)));
        }

        [Theory]
        [InlineData("{\"value\":[]}", "application/json", null)]
        [InlineData("  {\"a\":\"b\"}  ", null, null)]
        [InlineData("", "application/json", "empty")]
        [InlineData("<html><body>Bad gateway</body></html>", "text/html", "an HTML page")]
        [InlineData("\n<!DOCTYPE html><html/>", "application/json", "an HTML page")]
        [InlineData("{\"value\":[{\"id\":\"1\"},{\"id\":", "application/json", "cut off")]
        [InlineData("{\"value\":[{\"id\":\"abc", "application/json", "cut off")]
        [InlineData("{\"value\":]", "application/json", "not JSON")]
        [InlineData("Service Unavailable", "text/plain", "not JSON")]
        [InlineData("{} trailing", "application/json", "not JSON")]
        public void ReplyBody_SaysWhatABodyWasInsteadOfJson(string body, string? contentType, string? expected)
        {
            var problem = ReplyBody.Problem(Encoding.UTF8.GetBytes(body), contentType == null ? null : new MediaTypeHeaderValue(contentType));

            Assert.Equal(expected, problem);
        }

        [Theory]
        [InlineData("{\"id\":\"1\"}", true)]
        [InlineData("\"not a user\"", false)]
        [InlineData("[1,2]", false)]
        [InlineData("{\"id\":", false)]
        public void ReplyBody_IsObject_OnlyForAWholeJsonObject(string body, bool expected)
        {
            Assert.Equal(expected, ReplyBody.IsObject(Encoding.UTF8.GetBytes(body)));
        }
    }
}
