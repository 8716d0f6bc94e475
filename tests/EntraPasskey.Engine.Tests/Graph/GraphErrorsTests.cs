using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Graph;
using Microsoft.Kiota.Abstractions;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>Every Graph failure becomes one stable error id, a category and a next step that fits it.</summary>
    public sealed class GraphErrorsTests
    {
        [Theory]
        [InlineData(401, null, "GraphAuthenticationFailed", ErrorKind.AuthenticationFailed, "Run Connect-EntraPasskey again.")]
        [InlineData(400, null, "GraphBadRequest", ErrorKind.InvalidArgument, "Check the input value.")]
        [InlineData(429, null, "GraphThrottled", ErrorKind.Throttled, "Run the command again later, or on fewer users at a time.")]
        [InlineData(503, null, "GraphUnavailable", ErrorKind.ServiceUnavailable, "check the Microsoft 365 service health")]
        [InlineData(409, null, "GraphUnavailable", ErrorKind.InvalidOperation, "check the Microsoft 365 service health")]
        [InlineData(403, "Authorization_RequestDenied", "PermissionDenied", ErrorKind.PermissionDenied, "Grant Policy.Read.AuthenticationMethod")]
        [InlineData(403, GraphErrors.NonPremiumTenantCode, "LicenceRequired", ErrorKind.LicenceRequired, "Entra ID P1/P2")]
        public void FromResponse_EachStatus_HasItsIdKindAndNextStep(int status, string? code, string errorId, ErrorKind kind, string action)
        {
            var error = GraphErrors.FromResponse(status, code, "Graph's own words", GraphCall.ReadPolicy, "policy");

            Assert.Equal((errorId, kind), (error.ErrorId, error.Kind));
            Assert.Contains("the authentication methods policy", error.Message, StringComparison.Ordinal);
            Assert.Contains(action, error.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal("policy", error.Target);
        }

        [Fact]
        public void FromResponse_UnavailableAndBadRequest_QuoteGraphsCodeAndMessage()
        {
            var unavailable = GraphErrors.FromResponse(502, "serviceNotAvailable", "Try later", GraphCall.ReadUser, "alice@contoso.com");
            var badRequest = GraphErrors.FromResponse(400, "Request_BadRequest", "Invalid object identifier", GraphCall.ReadUser, "x");

            Assert.Equal("Microsoft Graph failed to read the user (HTTP 502, serviceNotAvailable: Try later).", unavailable.Message);
            Assert.Equal("Microsoft Graph refused the request to read the user (Request_BadRequest: Invalid object identifier).", badRequest.Message);
        }

        [Fact]
        public void FromResponse_NotFound_IsTheCallsOwnIdForAUserButAFailureForAPolicy()
        {
            var user = GraphErrors.FromResponse(404, "Request_ResourceNotFound", null, GraphCall.ReadUser, "bob@contoso.com");
            var policy = GraphErrors.FromResponse(404, "Request_ResourceNotFound", null, GraphCall.ReadPolicy, null);

            Assert.Equal(("UserNotFound", ErrorKind.NotFound), (user.ErrorId, user.Kind));
            Assert.Equal("User 'bob@contoso.com' was not found in the tenant.", user.Message);
            Assert.Equal(("GraphUnavailable", ErrorKind.InvalidOperation), (policy.ErrorId, policy.Kind));
        }

        [Fact]
        public void FromException_NetworkFailure_IsGraphUnreachableWithTheFirstLineOnly()
        {
            var error = Assert.IsType<EntraPasskeyException>(GraphErrors.FromException(
                new HttpRequestException("Connection refused (127.0.0.1:1)\n   at System.Net.Sockets..."), GraphCall.ReadUser, "alice@contoso.com", CancellationToken.None));

            Assert.Equal(("GraphUnreachable", ErrorKind.ServiceUnavailable), (error.ErrorId, error.Kind));
            Assert.Equal("Could not reach Microsoft Graph to read the user: Connection refused (127.0.0.1:1)", error.Message);
            Assert.Equal("alice@contoso.com", error.Target);
        }

        [Fact]
        public void FromException_CancelledWithoutTheCallerAsking_IsGraphTimeout_ButTheCallersCancelStaysACancel()
        {
            using var asked = new CancellationTokenSource();
            asked.Cancel();
            var timeout = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout");

            var error = Assert.IsType<EntraPasskeyException>(GraphErrors.FromException(timeout, GraphCall.ReadMethods, "alice@contoso.com", CancellationToken.None));
            var cancelled = GraphErrors.FromException(timeout, GraphCall.ReadMethods, "alice@contoso.com", asked.Token);

            Assert.Equal(("GraphTimeout", ErrorKind.Timeout), (error.ErrorId, error.Kind));
            Assert.Same(timeout, cancelled);
        }

        [Fact]
        public void FromException_SomethingElse_IsLeftAsItWas()
        {
            var unexpected = new InvalidCastException("bug");

            Assert.Same(unexpected, GraphErrors.FromException(unexpected, GraphCall.ReadUser, null, CancellationToken.None));
        }
    }
}
