using System;
using System.Collections.Generic;
using System.Globalization;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// The passkey policy is at its documented limits. Since May 2026 a tenant has at most ten passkey profiles
    /// including the default (three before), and the Passkey (FIDO2) configuration has its own 20 KB beside the 20 KB
    /// of the other methods (entra-docs whats-new, May 2026); nothing more can be saved past a size limit. At the limit
    /// the next audience that needs its own rules (a pilot, a new model) cannot get them. Sizes flag from 80%.
    /// </summary>
    public sealed class PasskeyPolicyLimitsCheck : IDesignCheck
    {
        public const int MaxProfiles = 10;
        public const int NearPolicyBytes = MethodsPolicySize.LimitBytes * 8 / 10;

        public string Id => "PasskeyPolicyLimits";

        public string Title => "Room left under the passkey profile and policy size limits";

        public DesignSeverity Severity => DesignSeverity.Info;

        public Uri Documentation => DesignDocs.EnablePasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var profiles = input.Tenant.Fido2.PasskeyProfiles.Count;
            var size = input.PolicySize;
            var problems = new List<string>();
            if (profiles >= MaxProfiles)
            {
                problems.Add($"{profiles} passkey profiles, the most Entra supports ({MaxProfiles} including the default)");
            }

            if (size != null && size.PasskeyBytes >= NearPolicyBytes)
            {
                problems.Add($"a Passkey (FIDO2) configuration of {Kilobytes(size.PasskeyBytes)} of its {MethodsPolicySize.LimitBytes / 1024} KB");
            }

            if (size != null && size.OtherMethodsBytes >= NearPolicyBytes)
            {
                problems.Add($"the other authentication methods at {Kilobytes(size.OtherMethodsBytes)} of their {MethodsPolicySize.LimitBytes / 1024} KB");
            }

            if (problems.Count == 0)
            {
                return null;
            }

            var full = size != null && Math.Max(size.PasskeyBytes, size.OtherMethodsBytes) >= MethodsPolicySize.LimitBytes;
            return DesignOutcome.Fail(
                $"The passkey policy is at its limits: {string.Join(", and ", problems)}. The next audience that needs its own passkey rules may not get a profile.",
                "Merge profiles whose settings differ only slightly, and remove AAGUIDs of models nobody uses, before the next rollout needs room.",
                Facts.Of(
                    ("passkeyProfiles", profiles.ToString(CultureInfo.InvariantCulture)),
                    ("passkeyPolicyBytes", size?.PasskeyBytes.ToString(CultureInfo.InvariantCulture)),
                    ("otherMethodsPolicyBytes", size?.OtherMethodsBytes.ToString(CultureInfo.InvariantCulture))),
                severity: full ? DesignSeverity.Medium : (DesignSeverity?)null);
        }

        private static string Kilobytes(int bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";
    }
}
