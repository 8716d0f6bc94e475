using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Bootstrap.Checks;

namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>
    /// Runs every pre-issue check and decides: a refusal always wins; an unusable pass is refused unless forced; a
    /// replacement asks for confirmation unless forced. Pure: no I/O, no clock.
    /// </summary>
    public static class TapPreflight
    {
        /// <summary>In the order a caller should hear about them: the first refusal found is the one reported.</summary>
        public static readonly IReadOnlyList<ITapCheck> Checks = new ITapCheck[]
        {
            new AccountDisabledCheck(),
            new ExternalGuestCheck(),
            new LifetimeOutsidePolicyCheck(),
            new MultiUseNotAllowedCheck(),
            new TapMethodDisabledCheck(),
            new UserOutsideTapTargetsCheck(),
            new UsableTapExistsCheck(),
        };

        public static TapDecision Decide(TapCheckInput input, bool force)
        {
            var findings = Checks.Select(check => check.Evaluate(input)).Where(f => f != null).Select(f => f!).ToList();
            var refusal = findings.FirstOrDefault(f => f.Severity == TapCheckSeverity.Refuse)
                ?? (force ? null : findings.FirstOrDefault(f => f.Severity == TapCheckSeverity.Unusable));
            if (refusal != null)
            {
                return new TapDecision(refusal, Array.Empty<TapCheckFinding>(), null);
            }

            var replace = findings.FirstOrDefault(f => f.Severity == TapCheckSeverity.Replace);
            return force
                ? new TapDecision(null, findings, null)
                : new TapDecision(null, Array.Empty<TapCheckFinding>(), replace);
        }
    }
}
