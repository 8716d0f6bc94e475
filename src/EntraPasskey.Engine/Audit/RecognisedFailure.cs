namespace EntraPasskey.Engine.Audit
{
    /// <summary>An audit event the recogniser took for a failed passkey registration, with what it read from it.</summary>
    internal sealed class RecognisedFailure
    {
        public RecognisedFailure(AuditEvent auditEvent, FailureReason reason, string? method, string? aaguid)
        {
            Event = auditEvent;
            Reason = reason;
            Method = method;
            Aaguid = aaguid;
        }

        public AuditEvent Event { get; }

        public FailureReason Reason { get; }

        public string? Method { get; }

        /// <summary>Lower-case AAGUID when the event names one.</summary>
        public string? Aaguid { get; }
    }
}
