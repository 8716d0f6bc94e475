using System;

namespace EntraPasskey
{
    /// <summary>
    /// One registered passkey of a user and whether it can sign in today: the passkey as Graph describes it, then the
    /// finding (Pass, Fail, Warn or Unknown), its reason code, the queue that owns the fix, the fix and the evidence.
    /// </summary>
    public sealed class PasskeySignInCheck
    {
        public PasskeySignInCheck(
            string methodId,
            string? name,
            Guid? aaguid,
            string? model,
            string? passkeyType,
            string? attestationLevel,
            DateTimeOffset? createdDateTime,
            FindingStatus status,
            string? reasonCode,
            OwnerQueue? owner,
            string message,
            string? remediation,
            FindingEvidence? evidence)
        {
            MethodId = methodId;
            Name = name;
            Aaguid = aaguid;
            Model = model;
            PasskeyType = passkeyType;
            AttestationLevel = attestationLevel;
            CreatedDateTime = createdDateTime;
            Status = status;
            ReasonCode = reasonCode;
            Owner = owner;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Remediation = remediation;
            Evidence = evidence ?? FindingEvidence.Empty;
        }

        /// <summary>The fido2AuthenticationMethod id (what Remove-EntraPasskey -MethodId takes).</summary>
        public string MethodId { get; }

        /// <summary>The name the user gave the passkey.</summary>
        public string? Name { get; }

        public Guid? Aaguid { get; }

        /// <summary>The authenticator model as Graph names it.</summary>
        public string? Model { get; }

        /// <summary>deviceBound or synced.</summary>
        public string? PasskeyType { get; }

        /// <summary>attested or notAttested (attestation is checked only at registration).</summary>
        public string? AttestationLevel { get; }

        public DateTimeOffset? CreatedDateTime { get; }

        /// <summary>Pass or Warn: it can sign in (Warn: somewhere a condition may stop it); Fail: it cannot; Unknown: evidence that decides is missing.</summary>
        public FindingStatus Status { get; }

        /// <summary>True when the passkey can sign in, false when it cannot, null when that is unknown.</summary>
        public bool? CanSignIn => Status == FindingStatus.Fail ? false : Status == FindingStatus.Unknown ? (bool?)null : true;

        /// <summary>Stable PascalCase code of the cause; null when it passed.</summary>
        public string? ReasonCode { get; }

        public OwnerQueue? Owner { get; }

        public string Message { get; }

        public string? Remediation { get; }

        public FindingEvidence Evidence { get; }

        public override string ToString() => $"{Name ?? Model ?? MethodId}: {(ReasonCode == null ? Status.ToString() : $"{Status} {ReasonCode}")}";
    }
}
