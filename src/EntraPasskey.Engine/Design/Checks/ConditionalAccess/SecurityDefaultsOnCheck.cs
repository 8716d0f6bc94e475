using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.ConditionalAccess
{
    /// <summary>
    /// Security defaults are on. They make every user register Authenticator and leave no Conditional Access to
    /// protect or shape registration (organisations moving to Conditional Access must turn them off); the design
    /// relies on a registration policy a Temporary Access Pass can satisfy.
    /// </summary>
    public sealed class SecurityDefaultsOnCheck : IDesignCheck
    {
        public string Id => "SecurityDefaultsOn";

        public string Title => "Conditional Access, not security defaults, governs registration";

        public DesignSeverity Severity => DesignSeverity.Medium;

        public Uri Documentation => DesignDocs.SecurityDefaults;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var defaults = input.Tenant.SecurityDefaults;
            if (defaults.Enabled == null)
            {
                return DesignOutcome.Unreadable(
                    "Whether security defaults are on could not be read", defaults.Gap ?? new EvidenceGap("Security defaults were not read.", null), "to read the security defaults policy", "Run the command again.");
            }

            if (defaults.Enabled == false)
            {
                return null;
            }

            return DesignOutcome.Fail(
                "Security defaults are on: every user is made to register Microsoft Authenticator, and no Conditional Access policy can protect or shape security info registration (or let a Temporary Access Pass satisfy it).",
                "Plan Conditional Access policies that replace security defaults (MFA for all users, a registration policy a Temporary Access Pass can satisfy), then turn security defaults off.",
                Facts.Of(("securityDefaults", "on")),
                input.Sizes.Of(new[] { PolicyTarget.AllUsers() }, input.Tenant));
        }
    }
}
