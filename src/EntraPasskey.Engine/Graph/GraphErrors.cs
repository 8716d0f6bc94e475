using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using Azure.Identity;
using EntraPasskey.Engine.Transport;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>Turns Graph failures into <see cref="EntraPasskeyException"/>s with stable ids and a next step.</summary>
    internal static class GraphErrors
    {
        public const string NonPremiumTenantCode = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

        /// <summary>Graph refused the access token (401).</summary>
        public const string AuthenticationFailedId = "GraphAuthenticationFailed";

        public static EntraPasskeyException FromResponse(int status, string? code, string? message, GraphCall call, string? target)
        {
            var graphSays = string.IsNullOrWhiteSpace(message) ? code : string.IsNullOrWhiteSpace(code) ? message : $"{code}: {message}";
            switch (status)
            {
                case 401:
                    return new EntraPasskeyException(
                        AuthenticationFailedId, ErrorKind.AuthenticationFailed,
                        $"Microsoft Graph rejected the access token while trying to {call.Purpose}{InParentheses(graphSays)}.",
                        "Run Connect-EntraPasskey again.", target);
                case 403 when string.Equals(code, NonPremiumTenantCode, StringComparison.OrdinalIgnoreCase):
                    return new EntraPasskeyException(
                        "LicenceRequired", ErrorKind.LicenceRequired,
                        $"The tenant's licence does not allow Graph to {call.Purpose}; this report needs Microsoft Entra ID P1 or P2.",
                        "Use a tenant with Entra ID P1/P2, or skip this evidence.", target)
                        .WithBrief($"The tenant's licence does not allow Graph to {call.Purpose} (Entra ID P1 or P2; the first error of this run says more).");
                case 403:
                    return new EntraPasskeyException(
                        "PermissionDenied", ErrorKind.PermissionDenied,
                        $"Permission denied to {call.Purpose}. It needs the Microsoft Graph permission {call.Permission}.",
                        $"Grant {call.Permission} (with admin consent) to the app you connect with, or connect as an account that has it, then run Connect-EntraPasskey again.",
                        target)
                        .WithBrief($"Permission denied: {call.Permission} is missing (the first error of this run says more).");
                case 404 when call.Subject != null:
                    return new EntraPasskeyException(
                        call.NotFoundErrorId ?? "NotFound", ErrorKind.NotFound,
                        $"{call.Subject} '{target}' was not found in the tenant.",
                        "Check the object id or user principal name; the account may have been deleted or renamed.", target);
                case 429:
                    return new EntraPasskeyException(
                        "GraphThrottled", ErrorKind.Throttled,
                        $"Microsoft Graph kept throttling the request to {call.Purpose} after retries.",
                        "Run the command again later, or on fewer users at a time.", target);
                case 400:
                    return new EntraPasskeyException(
                        "GraphBadRequest", ErrorKind.InvalidArgument,
                        $"Microsoft Graph refused the request to {call.Purpose}{InParentheses(graphSays)}.",
                        "Check the input value.", target);
                default:
                    return new EntraPasskeyException(
                        "GraphUnavailable", status >= 500 ? ErrorKind.ServiceUnavailable : ErrorKind.InvalidOperation,
                        $"Microsoft Graph failed to {call.Purpose} (HTTP {status}{(graphSays == null ? string.Empty : ", " + graphSays)}).",
                        "Run the command again; if it keeps failing, check the Microsoft 365 service health.", target);
            }
        }

        public static Exception FromException(Exception exception, GraphCall call, string? target, CancellationToken cancellationToken)
        {
            switch (exception)
            {
                case OperationCanceledException _ when cancellationToken.IsCancellationRequested:
                    return exception;
                case EntraPasskeyException known:
                    return target == null || known.Target != null ? known : known.WithTarget(target);
                case ODataError odata:
                    return FromResponse(odata.ResponseStatusCode, odata.Error?.Code, odata.Error?.Message, call, target);
                case ServiceException service when service.ResponseStatusCode != 0:
                    // A $batch envelope Graph refused: the SDK puts Graph's "code : message" in the inner exception.
                    var (code, said) = SplitCodeAndMessage(service.InnerException?.Message);
                    return FromResponse(service.ResponseStatusCode, code, said, call, target);
                case ApiException api when api.ResponseStatusCode == 0:
                    // The SDK could not make sense of a reply; its words are about its parser, not the user's problem.
                    return Unreadable("in a shape the module could not read", call, target);
                case ApiException api:
                    return FromResponse(api.ResponseStatusCode, null, null, call, target);
                case GraphTransportException transport:
                    return FromTransport(transport, call, target);
                case AuthenticationFailedException auth:
                    return new EntraPasskeyException(
                        "AuthenticationFailed", ErrorKind.AuthenticationFailed,
                        "Signing in to Microsoft Entra ID failed: " + MessageText.FirstLine(auth.Message),
                        "Check the tenant, client id and credential, then run Connect-EntraPasskey again.", target, auth);
                case HttpRequestException http:
                    return new EntraPasskeyException(
                        "GraphUnreachable", ErrorKind.ServiceUnavailable,
                        $"Could not reach Microsoft Graph to {call.Purpose}: {MessageText.FirstLine(http.Message)}",
                        "Check the network connection and the Graph endpoint, then run the command again.", target, http);
                case OperationCanceledException timeout:
                    return new EntraPasskeyException(
                        "GraphTimeout", ErrorKind.Timeout,
                        $"Microsoft Graph did not answer in time to {call.Purpose}.",
                        "Run the command again.", target, timeout);
                default:
                    return exception;
            }
        }

        private static (string? Code, string? Message) SplitCodeAndMessage(string? text)
        {
            var at = text?.IndexOf(" : ", StringComparison.Ordinal) ?? -1;
            return at > 0 ? (text!.Substring(0, at), text.Substring(at + 3)) : (null, null);
        }

        /// <summary>Graph's error code and message from an error body, when it has Graph's shape.</summary>
        public static (string? Code, string? Message) ReadErrorBody(byte[] body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("error", out var error)
                    && error.ValueKind == JsonValueKind.Object)
                {
                    var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    return (code, message);
                }
            }
            catch (JsonException)
            {
            }

            return (null, null);
        }

        /// <summary>A reply that is not Graph's JSON, said in a user's words (<paramref name="what"/>: "an HTML page", "cut off", ...).</summary>
        public static EntraPasskeyException Unreadable(string what, GraphCall call, string? target, int attempts = 0) =>
            new EntraPasskeyException(
                "GraphReplyUnreadable", ErrorKind.ServiceUnavailable,
                $"Microsoft Graph's reply could not be read while trying to {call.Purpose}: it was {what}{Tries(attempts)}.",
                "Run the command again; if it keeps happening, a proxy or gateway between you and Microsoft Graph may be answering in its place.",
                target);

        public static EntraPasskeyException FromTransport(GraphTransportException transport, GraphCall call, string? target)
        {
            switch (transport.Failure)
            {
                case TransportFailure.TimedOut:
                    return new EntraPasskeyException(
                        "GraphTimeout", ErrorKind.Timeout,
                        $"Microsoft Graph did not answer in time to {call.Purpose}: {transport.Detail}{Tries(transport.Attempts)}.",
                        "Run the command again.", target, transport);
                case TransportFailure.Unreadable when transport.Status is int status && (status < 200 || status >= 300):
                    var error = FromResponse(status, null, $"the reply was {transport.Detail}", call, target);
                    return new EntraPasskeyException(error.ErrorId, error.Kind, error.Message, error.RecommendedAction, target, transport);
                case TransportFailure.Unreadable:
                    return Unreadable(transport.Detail, call, target, transport.Attempts);
                default:
                    return new EntraPasskeyException(
                        "GraphUnreachable", ErrorKind.ServiceUnavailable,
                        $"Could not reach Microsoft Graph to {call.Purpose}: {transport.Detail}{Tries(transport.Attempts)}.",
                        "Check the network connection and the Graph endpoint, then run the command again.", target, transport);
            }
        }

        private static string InParentheses(string? words) => string.IsNullOrWhiteSpace(words) ? string.Empty : $" ({words})";

        /// <summary>" (5 attempts)" after a message's detail, or nothing for a single attempt.</summary>
        private static string Tries(int attempts) => attempts > 1 ? $" ({attempts} attempts)" : string.Empty;
    }
}
