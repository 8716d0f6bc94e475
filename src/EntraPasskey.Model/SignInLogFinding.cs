using System;

namespace EntraPasskey
{
    /// <summary>
    /// What the sign-in logs say about the user's recent sign-ins with a passkey: Pass (the latest one succeeded, or
    /// there was none), Warn (the latest one failed: the logs suggest a cause, they do not prove one) or Unknown (the
    /// logs could not be read). It never fails a verdict on its own.
    /// </summary>
    public sealed class SignInLogFinding
    {
        public SignInLogFinding(FindingStatus status, string? reasonCode, OwnerQueue? owner, string message, string? remediation, FindingEvidence? evidence)
        {
            Status = status;
            ReasonCode = reasonCode;
            Owner = owner;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Remediation = remediation;
            Evidence = evidence ?? FindingEvidence.Empty;
        }

        public FindingStatus Status { get; }

        public string? ReasonCode { get; }

        public OwnerQueue? Owner { get; }

        public string Message { get; }

        public string? Remediation { get; }

        public FindingEvidence Evidence { get; }

        public override string ToString() => ReasonCode == null ? Status.ToString() : $"{Status} {ReasonCode}";
    }
}
