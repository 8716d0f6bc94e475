using System.Management.Automation;

namespace EntraPasskey.Internal
{
    /// <summary>The one place engine errors become PowerShell ErrorRecords: stable id, category, target, next step.</summary>
    internal static class ErrorRecords
    {
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
