using System;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Connection;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.LogAnalytics;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.LogAnalytics
{
    /// <summary>-WorkspaceId failures: one stable id each, the workspace as target, a next step that fits.</summary>
    public sealed class LogAnalyticsErrorsTests
    {
        private static readonly Guid Workspace = Guid.Parse("5b1f9a3e-8c2d-4e6f-a1b0-7d9c3e2f4a68");
        private static readonly Uri Resource = new Uri("https://api.loganalytics.io/");

        [Theory]
        [InlineData(400, "LogAnalyticsQueryFailed", ErrorKind.InvalidOperation, "diagnostic settings send AuditLogs")]
        [InlineData(429, "LogAnalyticsThrottled", ErrorKind.Throttled, "Run the command again later.")]
        [InlineData(503, "LogAnalyticsUnavailable", ErrorKind.ServiceUnavailable, "check the Azure service health")]
        [InlineData(409, "LogAnalyticsUnavailable", ErrorKind.InvalidOperation, "check the Azure service health")]
        [InlineData(404, "WorkspaceNotFound", ErrorKind.NotFound, "Workspace ID")]
        public void FromResponse_EachStatus_HasItsIdKindAndNextStep(int status, string errorId, ErrorKind kind, string action)
        {
            const string body = "{\"error\":{\"code\":\"BadArgumentError\",\"message\":\"The request had some invalid properties\",\"innererror\":{\"message\":\"'AuditLogs' could not be resolved\"}}}";

            var error = LogAnalyticsErrors.FromResponse(status, body, Workspace, Resource);

            Assert.Equal((errorId, kind), (error.ErrorId, error.Kind));
            Assert.Contains("(BadArgumentError: The request had some invalid properties 'AuditLogs' could not be resolved)", error.Message, StringComparison.Ordinal);
            Assert.Contains(action, error.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(Workspace.ToString("D"), error.Target);
        }

        [Fact]
        public void FromResponse_BodyThatIsNotAnError_SaysTheStatus()
        {
            var error = LogAnalyticsErrors.FromResponse(502, "<html>Bad gateway</html>", Workspace, Resource);

            Assert.Equal("The Log Analytics query failed (HTTP 502).", error.Message);
        }

        [Fact]
        public void Readable_ReplyOfAnUnexpectedShape_IsLogAnalyticsReplyUnreadable()
        {
            var error = Assert.Throws<EntraPasskeyException>(() =>
                LogAnalyticsErrors.Readable<LogAnalyticsTable>(() => throw new JsonException("'tables' is missing"), Workspace));

            Assert.Equal(("LogAnalyticsReplyUnreadable", ErrorKind.InvalidOperation), (error.ErrorId, error.Kind));
            Assert.Equal("The Log Analytics reply could not be read: 'tables' is missing", error.Message);
        }

        [Theory]
        [InlineData("http://logs.example.test/")]
        [InlineData("ftp://127.0.0.1/")]
        public void Validate_PlainHttpOffLoopbackOrNotHttp_IsLogAnalyticsEndpointInvalid(string endpoint)
        {
            var error = Assert.Throws<EntraPasskeyException>(() => LogAnalyticsEndpoints.Validate(new Uri(endpoint)));

            Assert.Equal(("LogAnalyticsEndpointInvalid", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
            Assert.Equal(endpoint, error.Target);
        }

        [Fact]
        public void Validate_LoopbackHttp_IsAcceptedAndTrimmedToItsRoot()
        {
            Assert.Equal(new Uri("http://127.0.0.1:5000/"), LogAnalyticsEndpoints.Validate(new Uri("http://127.0.0.1:5000/v1/workspaces")));
        }

        [Fact]
        public async Task Query_NothingListening_IsLogAnalyticsUnreachable()
        {
            var port = TestTokens.FreePort();
            var client = Client(new Uri($"http://127.0.0.1:{port}/"), null);

            var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => client.QueryAsync(Workspace, "AuditLogs | take 1", CancellationToken.None));

            Assert.Equal(("LogAnalyticsUnreachable", ErrorKind.ServiceUnavailable), (error.ErrorId, error.Kind));
            Assert.StartsWith($"Could not reach the Log Analytics query API at http://127.0.0.1:{port}/: ", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Query_NoAnswerInTime_IsLogAnalyticsTimeout_ButTheCallersCancelStaysACancel()
        {
            var silent = new TcpListener(IPAddress.Loopback, 0);
            silent.Start();
            try
            {
                var endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/");
                var client = Client(endpoint, TimeSpan.FromMilliseconds(300));
                using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

                var error = await Assert.ThrowsAsync<EntraPasskeyException>(() => client.QueryAsync(Workspace, "AuditLogs | take 1", CancellationToken.None));
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(endpoint, TimeSpan.FromMinutes(1)).QueryAsync(Workspace, "AuditLogs", cancelled.Token));

                Assert.Equal(("LogAnalyticsTimeout", ErrorKind.Timeout), (error.ErrorId, error.Kind));
                Assert.Contains("-Days", error.RecommendedAction, StringComparison.Ordinal);
            }
            finally
            {
                silent.Stop();
            }
        }

        private static LogAnalyticsClient Client(Uri endpoint, TimeSpan? timeout)
        {
            var token = TestTokens.UnsignedJwt("{\"aud\":\"https://api.loganalytics.io\"}");
            return new LogAnalyticsClient(new StaticTokenCredential(token, DateTimeOffset.UtcNow.AddHours(1)), CloudEnvironment.Global, endpoint, new EngineLog(), timeout);
        }
    }
}
