using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Design
{
    /// <summary>What one check concluded: a departure from the design (Fail) or evidence it could not read (Unknown).</summary>
    public sealed class DesignOutcome
    {
        private DesignOutcome(FindingStatus status, DesignSeverity? severity, string problem, string? remediation, IDictionary<string, string>? evidence, Audience? affected)
        {
            Status = status;
            Severity = severity;
            Problem = problem;
            Remediation = remediation;
            Evidence = evidence ?? new Dictionary<string, string>();
            Affected = affected;
        }

        public FindingStatus Status { get; }

        /// <summary>Null: the check's own severity.</summary>
        public DesignSeverity? Severity { get; }

        public string Problem { get; }

        public string? Remediation { get; }

        public IDictionary<string, string> Evidence { get; }

        /// <summary>Who the departure reaches; null when it is not about users.</summary>
        public Audience? Affected { get; }

        public static DesignOutcome Fail(string problem, string remediation, IDictionary<string, string>? evidence = null, Audience? affected = null, DesignSeverity? severity = null) =>
            new DesignOutcome(FindingStatus.Fail, severity, problem, remediation, evidence, affected);

        /// <summary>The evidence that decides could not be read; the problem says which and why.</summary>
        public static DesignOutcome Unknown(string problem, string remediation, IDictionary<string, string>? evidence = null) =>
            new DesignOutcome(FindingStatus.Unknown, null, problem, remediation, evidence, null);

        /// <summary>
        /// Unknown because optional evidence could not be read: "<paramref name="problem"/>: why", and the fix grants the
        /// missing permission (for <paramref name="grantPurpose"/>) when that is what was missing, else <paramref name="otherwise"/>.
        /// </summary>
        public static DesignOutcome Unreadable(string problem, EvidenceGap gap, string grantPurpose, string otherwise) =>
            Unknown($"{problem}: {gap.Why}", gap.MissingPermission == null ? otherwise : $"Grant {gap.MissingPermission} {grantPurpose}.");
    }
}
