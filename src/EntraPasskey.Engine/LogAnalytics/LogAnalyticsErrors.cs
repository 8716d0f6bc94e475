using System;
using System.Collections.Generic;
using System.Text.Json;

namespace EntraPasskey.Engine.LogAnalytics
{
    /// <summary>Log Analytics query API failures as <see cref="EntraPasskeyException"/>s with stable ids.</summary>
    internal static class LogAnalyticsErrors
    {
        public const string ReaderRole = "Log Analytics Reader";

        public static EntraPasskeyException TokenUnavailable(Uri resource, string why, Exception? inner) =>
            new EntraPasskeyException(
                "LogAnalyticsTokenUnavailable", ErrorKind.AuthenticationFailed,
                $"Could not get an access token for Log Analytics ({resource.AbsoluteUri.TrimEnd('/')}): {why}.",
                "Run Connect-EntraPasskey with a sign-in the module can use for more than Graph (interactive, -UseDeviceCode, -ClientSecret, -Certificate or -ManagedIdentity), then use -WorkspaceId again; or leave out -WorkspaceId to read the audit log from Graph.",
                null, inner);

        public static EntraPasskeyException FromResponse(int status, string body, Guid workspaceId, Uri resource)
        {
            var (code, message) = ReadError(body);
            var says = message == null ? $"HTTP {status}" : $"{code}: {message}";
            var target = workspaceId.ToString("D");
            switch (status)
            {
                case 401:
                    return TokenUnavailable(resource, $"Log Analytics rejected the token ({says})", null);
                case 403 when code != null && code.StartsWith("InvalidAuthenticationToken", StringComparison.OrdinalIgnoreCase):
                    return TokenUnavailable(resource, $"Log Analytics rejected the token ({says})", null);
                case 403:
                    return new EntraPasskeyException(
                        "PermissionDenied", ErrorKind.PermissionDenied,
                        $"Permission denied to query Log Analytics workspace {target} ({says}). It needs the Azure role {ReaderRole} (or any role with Microsoft.OperationalInsights/workspaces/query/read) on the workspace.",
                        $"Assign {ReaderRole} on the workspace to the account or app you connect with, then run the command again.", target);
                case 404:
                    return new EntraPasskeyException(
                        "WorkspaceNotFound", ErrorKind.NotFound,
                        $"Log Analytics workspace {target} was not found ({says}).",
                        "Pass the workspace's Workspace ID (a GUID on its Overview page), not its name or resource id.", target);
                case 400:
                    return new EntraPasskeyException(
                        "LogAnalyticsQueryFailed", ErrorKind.InvalidOperation,
                        $"Log Analytics refused the query ({says}). The workspace may not receive the Entra audit logs (AuditLogs table).",
                        "Check that the tenant's diagnostic settings send AuditLogs to this workspace; -AsKql shows the query to try in the portal.", target);
                case 429:
                    return new EntraPasskeyException(
                        "LogAnalyticsThrottled", ErrorKind.Throttled,
                        $"Log Analytics kept throttling the query ({says}).",
                        "Run the command again later.", target);
                default:
                    return new EntraPasskeyException(
                        "LogAnalyticsUnavailable", status >= 500 ? ErrorKind.ServiceUnavailable : ErrorKind.InvalidOperation,
                        $"The Log Analytics query failed ({says}).",
                        "Run the command again; if it keeps failing, check the Azure service health.", target);
            }
        }

        /// <summary>Reads a reply, turning a shape we did not expect into one clear error instead of a stack trace.</summary>
        public static T Readable<T>(Func<T> read, Guid workspaceId)
        {
            try
            {
                return read();
            }
            catch (Exception ex) when (ex is JsonException || ex is FormatException || ex is KeyNotFoundException || ex is InvalidOperationException)
            {
                throw new EntraPasskeyException(
                    "LogAnalyticsReplyUnreadable", ErrorKind.InvalidOperation,
                    $"The Log Analytics reply could not be read: {ex.Message}",
                    "Run the KQL from -AsKql in the workspace to see what it returns.", workspaceId.ToString("D"), ex);
            }
        }

        private static (string? Code, string? Message) ReadError(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                    if (error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object
                        && inner.TryGetProperty("message", out var innerMessage) && innerMessage.ValueKind == JsonValueKind.String)
                    {
                        message = $"{message} {innerMessage.GetString()}";
                    }

                    return (code, message);
                }
            }
            catch (JsonException)
            {
            }

            return (null, null);
        }
    }
}
