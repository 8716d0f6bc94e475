using System;
using System.Linq;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Tap
{
    /// <summary>
    /// Temporary Access Pass is off, or targets nobody. A new user, or one who lost every MFA method, cannot satisfy
    /// the MFA that registering a passkey needs; a pass is the documented bootstrap, and without it every such user is
    /// a ticket that ends with a phone call.
    /// </summary>
    public sealed class TapUnavailableCheck : IDesignCheck
    {
        public string Id => "TapUnavailable";

        public string Title => "Temporary Access Pass is available for onboarding";

        public DesignSeverity Severity => DesignSeverity.High;

        public Uri Documentation => DesignDocs.TemporaryAccessPass;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var tap = input.Tenant.Tap;
            if (tap != null && tap.Enabled && tap.IncludeTargets.Count > 0)
            {
                return null;
            }

            var state = tap == null ? "missing from the policy" : tap.Enabled ? "enabled for nobody (no include targets)" : "disabled";
            return DesignOutcome.Fail(
                $"The Temporary Access Pass method is {state}, so users without an MFA method (new hires, lost phones) cannot bootstrap their first passkey.",
                "Enable Temporary Access Pass for the users who may need to bootstrap (All users, or your onboarding group), one-time, with a lifetime of an hour or more.",
                Facts.Of(("temporaryAccessPass", state), ("includeTargets", tap == null ? null : string.Join(", ", tap.IncludeTargets.Select(t => Targeting.Describe(t, input.Tenant))))));
        }
    }
}
