namespace EntraPasskey
{
    /// <summary>Why something could not be evaluated or done; the cmdlets map it to a PowerShell ErrorCategory.</summary>
    public enum ErrorKind
    {
        InvalidArgument,
        NotFound,
        PermissionDenied,
        LicenceRequired,
        Throttled,
        ServiceUnavailable,
        Timeout,
        AuthenticationFailed,
        NotConnected,
        InvalidOperation,
        /// <summary>Data whose signature or certificate chain could not be trusted.</summary>
        Untrusted,
    }
}
