using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.Hardware
{
    /// <summary>
    /// A Microsoft Authenticator passkey under profiles that admit both device-bound and synced passkeys needs
    /// Authenticator iOS 6.8.37 / Android 6.2507.4749 or later (graph-facts §1.5). Warn when every Authenticator app
    /// the user registered for that phone platform reports an older version: the version Graph shows is the last one
    /// the phone reported, so the app may have been updated since.
    /// </summary>
    public sealed class AuthenticatorAppVersionTooOldRule : ILayerRule
    {
        public const string Code = "AuthenticatorAppVersionTooOld";

        private static readonly Version MinimumIos = new Version(6, 8, 37);
        private static readonly Version MinimumAndroid = new Version(6, 2507, 4749);

        public PasskeyLayer Layer => PasskeyLayer.Hardware;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var assessment = AttemptAssessment.Of(input);
            if (assessment == null || !WellKnownAaguids.IsMicrosoftAuthenticator(assessment.Aaguid) || assessment.Verdict != ProfileVerdict.Accepts)
            {
                return null;
            }

            var accepting = assessment.Checks.Where(c => c.Verdict == ProfileVerdict.Accepts).ToList();
            var mixed = PasskeyTypes.DeviceBound | PasskeyTypes.Synced;
            if (!accepting.All(c => (c.Profile.PasskeyTypes & mixed) == mixed))
            {
                return null;
            }

            var android = assessment.Aaguid == WellKnownAaguids.AuthenticatorAndroid;
            var minimum = android ? MinimumAndroid : MinimumIos;
            var versions = input.User.Methods
                .Where(m => m.Kind == MethodKind.MicrosoftAuthenticator && m.AppVersion != null)
                .Select(m => (Method: m, Version: Version.TryParse(m.AppVersion, out var v) ? v : null))
                .Where(m => m.Version != null && IsAndroidScheme(m.Version) == android)
                .ToList();
            if (versions.Count == 0 || versions.Any(m => m.Version! >= minimum))
            {
                return null;
            }

            var seen = string.Join(", ", versions.Select(m => $"{m.Method.DisplayName ?? "Authenticator"} {m.Method.AppVersion}"));
            var evidence = assessment.Evidence();
            evidence["authenticatorApps"] = seen;
            evidence["minimumVersion"] = minimum.ToString();
            return RuleOutcome.Warn(
                Code,
                $"{assessment.Entry?.Name ?? "Microsoft Authenticator"} needs version {minimum} or later when the passkey profile admits both device-bound and synced passkeys ({string.Join(", ", accepting.Select(c => c.Profile.Describe()))}); {input.User.Name}'s registered app reports {seen}.",
                $"Have the user update Microsoft Authenticator to {minimum} or later before adding the passkey.",
                evidence);
        }

        /// <summary>Android builds number their minor version by year and month (6.2507.x); iOS builds do not (6.8.x).</summary>
        private static bool IsAndroidScheme(Version version) => version.Minor >= 1000;
    }
}
