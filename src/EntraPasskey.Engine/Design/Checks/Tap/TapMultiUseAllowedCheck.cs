using System;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Tap
{
    /// <summary>
    /// The Temporary Access Pass policy allows multi-use passes. The design issues one-time passes: one sign-in to
    /// register the first passkey, after which the pass cannot be replayed; enforcing one-time use in the policy makes
    /// every pass in the tenant one-time.
    /// </summary>
    public sealed class TapMultiUseAllowedCheck : IDesignCheck
    {
        public string Id => "TapMultiUseAllowed";

        public string Title => "Temporary Access Passes are one-time";

        public DesignSeverity Severity => DesignSeverity.Medium;

        public Uri Documentation => DesignDocs.TemporaryAccessPass;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var tap = input.Tenant.Tap;
            if (tap == null || !tap.Enabled || tap.IsUsableOnce)
            {
                return null;
            }

            return DesignOutcome.Fail(
                "The Temporary Access Pass policy allows multi-use passes (one-time use is off): a pass handed over for onboarding can be used again until it expires.",
                "Turn on 'Require one-time use' in the Temporary Access Pass policy; New-PasskeyBootstrapTap issues one-time passes by default. A one-time pass must be used to register a passwordless method within 10 minutes of signing in.",
                Facts.Of(("isUsableOnce", "false")));
        }
    }
}
