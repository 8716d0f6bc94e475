using System;
using System.Globalization;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Tap
{
    /// <summary>
    /// The Temporary Access Pass lifetime range does not fit onboarding. Too short: a session signed in with a pass
    /// ends when the pass expires (documented), so a maximum under an hour, Microsoft's default lifetime, leaves too
    /// little time to reach a device, register a passkey and its backup. Too long: a pass is a bearer credential, and a
    /// maximum over a day (Microsoft's default maximum is 8 hours) lets passes outlive any onboarding; issue passes with
    /// a start time instead. Both thresholds are ours, anchored on Microsoft's defaults.
    /// </summary>
    public sealed class TapLifetimeUnfitCheck : IDesignCheck
    {
        /// <summary>Microsoft's default lifetime and default minimum: an hour.</summary>
        public const int ShortestFitMaximum = 60;

        /// <summary>A working day and night: longer passes outlive onboarding.</summary>
        public const int LongestFitMaximum = 24 * 60;

        public string Id => "TapLifetimeUnfit";

        public string Title => "Temporary Access Pass lifetimes fit onboarding";

        public DesignSeverity Severity => DesignSeverity.Medium;

        public Uri Documentation => DesignDocs.TemporaryAccessPass;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var tap = input.Tenant.Tap;
            if (tap == null || !tap.Enabled)
            {
                return null;
            }

            var range = $"minimum {Minutes(tap.MinimumLifetimeInMinutes)}, default {Minutes(tap.DefaultLifetimeInMinutes)}, maximum {Minutes(tap.MaximumLifetimeInMinutes)}";
            var evidence = Facts.Of(
                ("minimumLifetimeInMinutes", tap.MinimumLifetimeInMinutes.ToString(CultureInfo.InvariantCulture)),
                ("defaultLifetimeInMinutes", tap.DefaultLifetimeInMinutes.ToString(CultureInfo.InvariantCulture)),
                ("maximumLifetimeInMinutes", tap.MaximumLifetimeInMinutes.ToString(CultureInfo.InvariantCulture)));
            if (tap.MaximumLifetimeInMinutes < ShortestFitMaximum)
            {
                return DesignOutcome.Fail(
                    $"Temporary Access Passes can last at most {Minutes(tap.MaximumLifetimeInMinutes)} ({range}). A session signed in with a pass ends when the pass expires, which leaves too little time to register a passkey and a backup.",
                    $"Raise the maximum lifetime to at least {Minutes(ShortestFitMaximum)} (Microsoft's default maximum is 8 hours) and the default to an hour.",
                    evidence);
            }

            if (tap.MaximumLifetimeInMinutes > LongestFitMaximum)
            {
                return DesignOutcome.Fail(
                    $"Temporary Access Passes can last up to {Minutes(tap.MaximumLifetimeInMinutes)} ({range}). A pass is a bearer credential; one that lives longer than a day outlives any onboarding session.",
                    "Lower the maximum lifetime to 8 hours (Microsoft's default) and issue passes with a start time (New-PasskeyBootstrapTap -StartDateTime) when they are handed out ahead of day one.",
                    evidence,
                    severity: DesignSeverity.Low);
            }

            return null;
        }

        private static string Minutes(int minutes) =>
            minutes % 60 == 0 ? $"{minutes / 60} hour{(minutes == 60 ? string.Empty : "s")}" : $"{minutes} minutes";
    }
}
