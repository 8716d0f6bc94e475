using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// The Conditional Access policies could not be read (typically Policy.Read.All is missing), so a policy on
    /// "Register security information" (or on All resources) might block the user: Unknown, naming the permission,
    /// never a guessed pass. When they were read, it records which registration policies were considered.
    /// </summary>
    public sealed class ConditionalAccessUnavailableRule : ILayerRule
    {
        public const string Code = "ConditionalAccessUnavailable";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var tenant = input.Tenant;
            if (!RegistrationPolicies.InEffect(tenant))
            {
                return RuleOutcome.Pass(Facts.Of(("conditionalAccess", "not in effect: security defaults are on")));
            }

            var gap = tenant.ConditionalAccess.Gap;
            if (gap == null)
            {
                var policies = tenant.ConditionalAccess.RegistrationPolicies;
                return RuleOutcome.Pass(Facts.Of(
                    ("registrationPolicies", Names(policies.Where(p => p.State == ConditionalAccessState.Enabled))),
                    ("reportOnlyRegistrationPolicies", policies.Any(p => p.State == ConditionalAccessState.ReportOnly) ? Names(policies.Where(p => p.State == ConditionalAccessState.ReportOnly)) : null)));
            }

            return RuleOutcome.Unknown(
                Code,
                $"Conditional Access policies could not be read, so a policy on 'Register security information' or on All resources could still stop {input.User.Name}: {gap.Why}",
                gap.MissingPermission != null
                    ? $"Grant {gap.MissingPermission} to the app you connect with (or connect as a Global Reader or Security Reader), then run Connect-EntraPasskey and this command again."
                    : "Run the command again; if it keeps failing, check the Conditional Access policies on 'Register security information' and on All resources in the Entra admin center.",
                Facts.Of(("missingPermission", gap.MissingPermission), ("why", gap.Why)),
                headline: gap.MissingPermission == null ? null : $"Conditional Access policies could not be read ({gap.MissingPermission} is missing), so a policy could still stop {input.User.Name}.");
        }

        private static string Names(IEnumerable<RegistrationPolicy> policies)
        {
            var names = policies.Select(p => $"'{p.DisplayName}'").ToList();
            return names.Count == 0 ? "none" : string.Join(", ", names);
        }
    }
}
