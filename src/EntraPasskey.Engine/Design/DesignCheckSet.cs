using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Design
{
    /// <summary>Every prevention-design check, discovered once from this assembly, in id order.</summary>
    public sealed class DesignCheckSet
    {
        public static readonly DesignCheckSet Default = new DesignCheckSet(
            typeof(DesignCheckSet).Assembly.GetTypes()
                .Where(t => typeof(IDesignCheck).IsAssignableFrom(t) && !t.IsAbstract && !t.IsInterface)
                .Select(t => (IDesignCheck)Activator.CreateInstance(t)));

        public DesignCheckSet(IEnumerable<IDesignCheck> checks)
        {
            All = checks.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        }

        public IReadOnlyList<IDesignCheck> All { get; }

        /// <summary>
        /// One finding per check: departures and unknowns first, most severe first, then the checks the tenant meets.
        /// </summary>
        public IReadOnlyList<PolicyDesignFinding> Judge(DesignInput input, DateTimeOffset now) =>
            All.Select(check => ToFinding(check, check.Evaluate(input), now))
                .OrderBy(f => f.Status == FindingStatus.Pass)
                .ThenByDescending(f => f.Severity)
                .ThenBy(f => f.CheckId, StringComparer.Ordinal)
                .ToList();

        private static PolicyDesignFinding ToFinding(IDesignCheck check, DesignOutcome? outcome, DateTimeOffset now)
        {
            if (outcome == null)
            {
                return new PolicyDesignFinding(check.Id, check.Severity, FindingStatus.Pass, check.Title, "Meets the design.", null, null, null, null, check.Documentation, now);
            }

            return new PolicyDesignFinding(
                check.Id,
                outcome.Severity ?? check.Severity,
                outcome.Status,
                check.Title,
                outcome.Problem,
                new FindingEvidence(outcome.Evidence),
                outcome.Affected?.Users,
                outcome.Affected?.Basis,
                outcome.Remediation,
                check.Documentation,
                now);
        }
    }
}
