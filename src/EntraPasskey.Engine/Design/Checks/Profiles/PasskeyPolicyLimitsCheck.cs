using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// The passkey policy is at its documented limits: at most three passkey profiles including the default, and an
    /// authentication methods policy of at most 20 KB (nothing more can be saved past it). At the limit, the next
    /// audience that needs its own rules (a pilot, a new model) cannot get them. Flagged from 80% of the size.
    /// </summary>
    public sealed class PasskeyPolicyLimitsCheck : IDesignCheck
    {
        public const int MaxProfiles = 3;
        public const int MaxPolicyBytes = 20 * 1024;
        public const int NearPolicyBytes = MaxPolicyBytes * 8 / 10;

        public string Id => "PasskeyPolicyLimits";

        public string Title => "Room left under the passkey profile and policy size limits";

        public DesignSeverity Severity => DesignSeverity.Info;

        public Uri Documentation => DesignDocs.EnablePasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var profiles = input.Tenant.Fido2.PasskeyProfiles.Count;
            var size = input.PolicySizeBytes;
            var problems = new List<string>();
            if (profiles >= MaxProfiles)
            {
                problems.Add($"{profiles} passkey profiles, the most Entra supports ({MaxProfiles} including the default)");
            }

            if (size >= NearPolicyBytes)
            {
                problems.Add($"an authentication methods policy of {size / 1024.0:0.0} KB of the {MaxPolicyBytes / 1024} KB limit");
            }

            if (problems.Count == 0)
            {
                return null;
            }

            return DesignOutcome.Fail(
                $"The passkey policy is at its limits: {string.Join(", and ", problems)}. The next audience that needs its own passkey rules cannot get a profile.",
                "Merge profiles whose settings differ only slightly, and remove AAGUIDs of models nobody uses, before the next rollout needs room.",
                Facts.Of(("passkeyProfiles", profiles.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("policySizeBytes", size?.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                severity: size >= MaxPolicyBytes ? DesignSeverity.Medium : (DesignSeverity?)null);
        }
    }
}
