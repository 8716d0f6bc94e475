using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// The user's only candidate for MFA is a Temporary Access Pass that Graph reports as not usable (expired, already
    /// used, not yet valid, or disabled by policy: methodUsabilityReason). More precise than NoMfaCapableMethod, so it
    /// runs first; when another method counts, an unusable pass does not matter.
    /// </summary>
    public sealed class TapNotUsableRule : ILayerRule
    {
        public const string Code = "TapNotUsable";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var tenant = input.Tenant;
            var user = input.User;
            if (MfaCapability.Counted(input).Count > 0)
            {
                return null;
            }

            var tap = user.Methods.FirstOrDefault(m => m.Kind == MethodKind.TemporaryAccessPass && m.TapIsUsable == false);
            if (tap == null)
            {
                return null;
            }

            var reason = tap.TapUsabilityReason ?? "unknown";
            var expiresAt = tap.TapStart?.AddMinutes(tap.TapLifetimeMinutes ?? 0);
            var obstacle = TapBootstrap.Obstacle(tenant, user);
            return RuleOutcome.Fail(
                Code,
                $"{user.Name}'s only way to satisfy MFA is a Temporary Access Pass that {What(reason, tap, expiresAt)}, so Security info cannot be opened to add a passkey.",
                Remediation(reason, tap, obstacle, user, MfaAlternatives.For(tenant, user)),
                Facts.Of(
                    ("tapUsability", reason),
                    ("tapStart", Facts.Time(tap.TapStart)),
                    ("tapExpires", Facts.Time(expiresAt)),
                    ("tapIsUsableOnce", tap.TapIsUsableOnce?.ToString().ToLowerInvariant()),
                    ("tapWouldHelp", TapBootstrap.WouldHelp(obstacle?.Why)),
                    ("passkeysRejectedByPolicy", MfaCapability.PasskeysRejectedByProfiles(input))));
        }

        private static string What(string reason, RegisteredMethod tap, DateTimeOffset? expiresAt)
        {
            switch (reason)
            {
                case "Expired": return expiresAt == null ? "has expired" : $"expired at {Facts.Time(expiresAt)}";
                case "OneTimeUsed": return "was one-time and has already been used";
                case "NotYetValid": return tap.TapStart == null ? "is not valid yet" : $"is not valid until {Facts.Time(tap.TapStart)}";
                case "DisabledByPolicy": return "is disabled by policy (the Temporary Access Pass method is off for this user)";
                default: return $"is not usable ({reason})";
            }
        }

        private static string Remediation(string reason, RegisteredMethod tap, TapObstacle? obstacle, UserEvidence user, IReadOnlyList<string> allowedMethods)
        {
            if (obstacle != null)
            {
                return TapBootstrap.Advice(user, obstacle, allowedMethods, "A new pass would not be usable either");
            }

            return reason == "NotYetValid"
                ? $"Wait until {Facts.Time(tap.TapStart)}, or issue a pass that starts now with New-PasskeyBootstrapTap (it replaces this one)."
                : "Issue a new pass with New-PasskeyBootstrapTap (it replaces this one) and have the user add the passkey before it expires.";
        }
    }
}
