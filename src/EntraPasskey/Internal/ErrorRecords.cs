using System;
using System.Management.Automation;

namespace EntraPasskey.Internal
{
    /// <summary>The one place engine errors become PowerShell ErrorRecords: stable id, category, target, next step.</summary>
    internal static class ErrorRecords
    {
        /// <summary>The id of a failure nobody foresaw, whatever its exception type.</summary>
        public const string UnexpectedErrorId = "UnexpectedError";

        /// <summary>A failure nobody foresaw, with a stable id and the original exception inside.</summary>
        public static ErrorRecord Unexpected(Exception exception, string command) =>
            From(
                new EntraPasskeyException(
                    UnexpectedErrorId, ErrorKind.InvalidOperation,
                    $"{command} failed unexpectedly ({exception.GetType().Name}): {exception.Message}",
                    "Run the command again with -Verbose; if it keeps failing, report it with this message.", null, exception),
                null);

        public static ErrorRecord From(EntraPasskeyException error, object? target)
        {
            var record = new ErrorRecord(error, error.ErrorId, CategoryOf(error.Kind), target ?? error.Target)
            {
                ErrorDetails = new ErrorDetails(error.Message),
            };
            if (error.RecommendedAction != null)
            {
                record.ErrorDetails.RecommendedAction = error.RecommendedAction;
            }

            return record;
        }

        public static ErrorCategory CategoryOf(ErrorKind kind)
        {
            switch (kind)
            {
                case ErrorKind.InvalidArgument: return ErrorCategory.InvalidArgument;
                case ErrorKind.NotFound: return ErrorCategory.ObjectNotFound;
                case ErrorKind.PermissionDenied: return ErrorCategory.PermissionDenied;
                case ErrorKind.LicenceRequired: return ErrorCategory.NotEnabled;
                case ErrorKind.Throttled: return ErrorCategory.LimitsExceeded;
                case ErrorKind.ServiceUnavailable: return ErrorCategory.ResourceUnavailable;
                case ErrorKind.Timeout: return ErrorCategory.OperationTimeout;
                case ErrorKind.AuthenticationFailed: return ErrorCategory.AuthenticationError;
                case ErrorKind.NotConnected: return ErrorCategory.ConnectionError;
                case ErrorKind.Untrusted: return ErrorCategory.SecurityError;
                default: return ErrorCategory.InvalidOperation;
            }
        }
    }
}
