using System;

namespace EntraPasskey
{
    /// <summary>What one layer concluded for one user.</summary>
    public sealed class LayerFinding
    {
        public LayerFinding(
            PasskeyLayer layer,
            FindingStatus status,
            string? reasonCode,
            string message,
            string? remediation,
            FindingEvidence? evidence)
        {
            Layer = (int)layer;
            LayerName = LayerCatalog.NameOf(layer);
            Status = status;
            ReasonCode = reasonCode;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            Remediation = remediation;
            Evidence = evidence ?? FindingEvidence.Empty;
        }

        /// <summary>Layer number, 1 to 7.</summary>
        public int Layer { get; }

        public string LayerName { get; }

        public FindingStatus Status { get; }

        /// <summary>Stable PascalCase code of the cause; null when the layer passed or was not checked.</summary>
        public string? ReasonCode { get; }

        public string Message { get; }

        public string? Remediation { get; }

        public FindingEvidence Evidence { get; }

        public override string ToString() =>
            ReasonCode == null ? $"{Layer} {Status}" : $"{Layer} {Status} {ReasonCode}";
    }
}
