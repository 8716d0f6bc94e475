using System;

namespace EntraPasskey
{
    /// <summary>The verdict for one user: can they add a passkey in Security info, and if not, which layer broke.</summary>
    public sealed class PasskeyDiagnosis
    {
        public PasskeyDiagnosis(
            string userPrincipalName,
            string userId,
            string? displayName,
            Verdict verdict,
            int? blockingLayer,
            int? layer,
            OwnerQueue? owner,
            string? reasonCode,
            string summary,
            string? fix,
            LayerFindingCollection findings,
            DateTimeOffset checkedAt)
        {
            UserPrincipalName = userPrincipalName;
            UserId = userId;
            DisplayName = displayName;
            Verdict = verdict;
            BlockingLayer = blockingLayer;
            Layer = layer;
            Owner = owner;
            ReasonCode = reasonCode;
            Summary = summary;
            Fix = fix;
            Findings = findings;
            CheckedAt = checkedAt;
        }

        public string UserPrincipalName { get; }

        public string UserId { get; }

        public string? DisplayName { get; }

        public Verdict Verdict { get; }

        /// <summary>Number of the first failing layer; null unless the verdict is Blocked.</summary>
        public int? BlockingLayer { get; }

        /// <summary>
        /// Number of the layer that decided the verdict: the blocking layer when Blocked, the layer that warns (AtRisk)
        /// or could not be evaluated (Unknown); null when Ready. What the table's Layer column and Group-Object Layer use.
        /// </summary>
        public int? Layer { get; }

        /// <summary>The queue that owns the blocking layer (or, for AtRisk and Unknown, the layer that raised it).</summary>
        public OwnerQueue? Owner { get; }

        public string? ReasonCode { get; }

        /// <summary>One line a help desk can read aloud.</summary>
        public string Summary { get; }

        /// <summary>What to do: the remediation of the finding that decided the verdict; null when Ready.</summary>
        public string? Fix { get; }

        public LayerFindingCollection Findings { get; }

        public DateTimeOffset CheckedAt { get; }

        public override string ToString() => $"{UserPrincipalName}: {Verdict}";
    }
}
