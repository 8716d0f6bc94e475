using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// The tenant uses passkey profiles, yet the deprecated tenant-wide isAttestationEnforced or keyRestrictions are
    /// still set. After opt-in they no longer decide anything (the profiles do) and Graph documents their removal, so
    /// they mislead whoever reads the policy, and scripts that still write them.
    /// </summary>
    public sealed class DeprecatedFieldsAfterOptInCheck : IDesignCheck
    {
        public string Id => "DeprecatedFieldsAfterOptIn";

        public string Title => "No deprecated tenant-wide passkey settings after the profiles migration";

        public DesignSeverity Severity => DesignSeverity.Low;

        public Uri Documentation => DesignDocs.Fido2Configuration;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var fido2 = input.Tenant.Fido2;
            if (!fido2.HasOptedIntoProfiles)
            {
                return null;
            }

            var set = new List<string>();
            if (fido2.IsAttestationEnforced)
            {
                set.Add("isAttestationEnforced is true");
            }

            if (fido2.LegacyKeyRestrictions.IsEnforced)
            {
                set.Add($"keyRestrictions is enforced ({fido2.LegacyKeyRestrictions.Describe()})");
            }

            if (set.Count == 0)
            {
                return null;
            }

            var what = string.Join(" and ", set);
            return DesignOutcome.Fail(
                $"The tenant uses passkey profiles, but the deprecated tenant-wide settings are still set: {what}. They no longer decide registration (the profiles do), so they mislead whoever reads the policy.",
                "Move any restriction you still want into the passkey profiles, then clear the tenant-wide isAttestationEnforced and keyRestrictions (and stop scripts that write them).",
                Facts.Of(("deprecatedSettings", what)));
        }
    }
}
