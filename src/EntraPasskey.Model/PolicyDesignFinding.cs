using System;

namespace EntraPasskey
{
    /// <summary>
    /// One check of the tenant against the passkey prevention design (Test-PasskeyPolicyDesign): whether the tenant
    /// departs from it (Fail), meets it (Pass) or could not be judged (Unknown, and why), what it costs in affected
    /// users where group sizes tell, the fix and Microsoft's documentation for it.
    /// </summary>
    public sealed class PolicyDesignFinding
    {
        public PolicyDesignFinding(
            string checkId,
            DesignSeverity severity,
            FindingStatus status,
            string title,
            string problem,
            FindingEvidence? evidence,
            int? affectedUsers,
            string? affectedUsersBasis,
            string? remediation,
            Uri documentation,
            DateTimeOffset checkedAt)
        {
            CheckId = checkId;
            Severity = severity;
            Status = status;
            Title = title;
            Problem = problem;
            Evidence = evidence ?? FindingEvidence.Empty;
            AffectedUsers = affectedUsers;
            AffectedUsersBasis = affectedUsersBasis;
            Remediation = remediation;
            Documentation = documentation;
            CheckedAt = checkedAt;
        }

        /// <summary>Stable PascalCase id of the check (PasskeysDisabled, TapMultiUseAllowed, ...).</summary>
        public string CheckId { get; }

        public DesignSeverity Severity { get; }

        /// <summary>Fail: the tenant departs from the design; Pass: it meets it; Unknown: the evidence could not be read.</summary>
        public FindingStatus Status { get; }

        /// <summary>What the check looks at, in a few words.</summary>
        public string Title { get; }

        /// <summary>What is wrong (or, for Pass, what was found; for Unknown, what could not be read).</summary>
        public string Problem { get; }

        public FindingEvidence Evidence { get; }

        /// <summary>Users the departure reaches, from group sizes (transitive members); null where Graph does not tell.</summary>
        public int? AffectedUsers { get; }

        /// <summary>How <see cref="AffectedUsers"/> was counted, or why it could not be.</summary>
        public string? AffectedUsersBasis { get; }

        public string? Remediation { get; }

        /// <summary>Microsoft's documentation for the setting and the fix.</summary>
        public Uri Documentation { get; }

        public DateTimeOffset CheckedAt { get; }

        public override string ToString() => $"{CheckId}: {Status} ({Severity})";
    }
}
