using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Transport;
using Microsoft.Graph;
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
        public void FromException_BatchEnvelopeRefused_QuotesGraphsWordsTheSdkKeptInItsInnerException()
        {
            var refused = new ServiceException("Error occured when making the batch request. See inner exception for more details.", null, 401,
                new Exception("InvalidAuthenticationToken : Lifetime validation failed, the token is expired."));

            var error = Assert.IsType<EntraPasskeyException>(GraphErrors.FromException(refused, GraphCall.ReadUser, "a@contoso.com", CancellationToken.None));

            Assert.Equal(("GraphAuthenticationFailed", ErrorKind.AuthenticationFailed), (error.ErrorId, error.Kind));
            Assert.Equal("Microsoft Graph rejected the access token while trying to read the user (InvalidAuthenticationToken: Lifetime validation failed, the token is expired.).", error.Message);
        }

        [Fact]
        public void FromResponse_WithoutGraphsWords_SaysNothingInParentheses()
        {
            Assert.Equal("Microsoft Graph rejected the access token while trying to read the user.", GraphErrors.FromResponse(401, null, null, GraphCall.ReadUser, null).Message);
            Assert.Equal("Microsoft Graph refused the request to read the user.", GraphErrors.FromResponse(400, null, null, GraphCall.ReadUser, null).Message);
        }

        [Fact]
        public void FromException_AReplyTheSdkCouldNotRead_IsGraphReplyUnreadableNeverHttp0()
        {
            var unreadable = new ApiException("The server returned an unexpected status code and the error registered for this code failed to deserialize") { ResponseStatusCode = 0 };

            var error = Assert.IsType<EntraPasskeyException>(GraphErrors.FromException(unreadable, GraphCall.ReadGroups, null, CancellationToken.None));

            Assert.Equal("GraphReplyUnreadable", error.ErrorId);
            Assert.Equal("Microsoft Graph's reply could not be read while trying to read the groups the policy targets: it was in a shape the module could not read.", error.Message);
            Assert.DoesNotContain("HTTP 0", error.Message, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("Unreachable", "the connection was closed before Graph answered", 5, null, "GraphUnreachable", "Could not reach Microsoft Graph to read the user: the connection was closed before Graph answered (5 attempts).")]
        [InlineData("TimedOut", "no reply within 30 s", 5, null, "GraphTimeout", "Microsoft Graph did not answer in time to read the user: no reply within 30 s (5 attempts).")]
        [InlineData("Unreadable", "cut off", 5, 200, "GraphReplyUnreadable", "Microsoft Graph's reply could not be read while trying to read the user: it was cut off (5 attempts).")]
        [InlineData("Unreadable", "an HTML page", 5, 502, "GraphUnavailable", "Microsoft Graph failed to read the user (HTTP 502, the reply was an HTML page).")]
        [InlineData("Unreachable", "Connection refused (127.0.0.1:1)", 1, null, "GraphUnreachable", "Could not reach Microsoft Graph to read the user: Connection refused (127.0.0.1:1).")]
        public void FromException_WhatTheTransportGaveUpOn_SaysItInAUsersWords(string failure, string detail, int attempts, int? status, string errorId, string message)
        {
            var error = Assert.IsType<EntraPasskeyException>(GraphErrors.FromException(
                new GraphTransportException(Enum.Parse<TransportFailure>(failure), detail, attempts, status), GraphCall.ReadUser, "a@contoso.com", CancellationToken.None));

            Assert.Equal((errorId, message, "a@contoso.com"), (error.ErrorId, error.Message, error.Target));
        }

        [Fact]
        public void FromException_SomethingElse_IsLeftAsItWas()
        {
            var unexpected = new InvalidCastException("bug");

            Assert.Same(unexpected, GraphErrors.FromException(unexpected, GraphCall.ReadUser, null, CancellationToken.None));
        }
    }
}
