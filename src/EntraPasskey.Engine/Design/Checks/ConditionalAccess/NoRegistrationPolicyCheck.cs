using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Design.Checks.ConditionalAccess
{
    /// <summary>
    /// No enabled Conditional Access policy protects "Register security information". Then anyone who has a password
    /// can register methods from anywhere; Microsoft's template protects registration with an authentication strength
    /// (outside trusted locations) and issues a Temporary Access Pass to new users.
    /// </summary>
    public sealed class NoRegistrationPolicyCheck : IDesignCheck
    {
        public string Id => "NoRegistrationPolicy";

        public string Title => "A Conditional Access policy protects security info registration";

        public DesignSeverity Severity => DesignSeverity.Medium;

        public Uri Documentation => DesignDocs.RegistrationPolicy;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var tenant = input.Tenant;
            if (!RegistrationPolicies.InEffect(tenant))
            {
                return null;
            }

            if (tenant.ConditionalAccess.Gap is { } gap)
            {
                return DesignOutcome.Unreadable("The Conditional Access policies could not be read", gap, "to read Conditional Access", "Run the command again.");
            }

            if (tenant.ConditionalAccess.RegistrationPolicies.Any(p => p.State == ConditionalAccessState.Enabled))
            {
                return null;
            }

            var reportOnly = tenant.ConditionalAccess.RegistrationPolicies.Count(p => p.State == ConditionalAccessState.ReportOnly);
            return DesignOutcome.Fail(
                "No enabled Conditional Access policy targets 'Register security information'"
                    + (reportOnly > 0 ? $" ({reportOnly} in report-only mode, which enforces nothing)" : string.Empty)
                    + ": anyone holding a password can register sign-in methods, from anywhere.",
                "Create a policy on the user action 'Register security information' for all users (excluding guests and break-glass accounts) that requires an authentication strength a Temporary Access Pass satisfies, outside trusted locations; issue passes to new users.",
                null,
                input.Sizes.Of(new[] { PolicyTarget.AllUsers() }, tenant));
        }
    }
}
