using System.Collections.Generic;
using EntraPasskey.Engine.Compatibility;

namespace EntraPasskey.Engine.Rules.PlatformBrowser
{
    /// <summary>
    /// The operating system is older than passkeys with Entra ID need (Windows 10 1903, iOS 14.3, macOS 11.1), or,
    /// when the attempt is a passkey in Microsoft Authenticator on the phone itself, older than Authenticator needs
    /// (iOS 17, Android 14). Only a version known to be older fails; an unknown version never does.
    /// </summary>
    public sealed class PlatformTooOldRule : ILayerRule
    {
        public const string Code = "PlatformTooOld";

        public PasskeyLayer Layer => PasskeyLayer.PlatformBrowser;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var context = PlatformContext.From(input, CompatibilityMatrix.Default);
            if (context?.Version == null)
            {
                return null;
            }

            var platform = context.Platform;
            if (platform.MinimumVersion != null && VersionText.IsOlder(context.Version, platform.MinimumVersion))
            {
                return RuleOutcome.Fail(
                    Code,
                    $"{platform.Name} {context.Version} is too old for passkeys with Microsoft Entra ID; they need {platform.MinimumVersionLabel ?? platform.Name + " " + platform.MinimumVersion} or later.",
                    $"Update the device to {platform.MinimumVersionLabel ?? platform.MinimumVersion} or later, or register from another device.",
                    PlatformFacts.Of(context, ("minimumVersion", platform.MinimumVersion)));
            }

            var app = platform.Path(RegistrationPath.AuthenticatorApp, context.Browser);
            if (context.Path == RegistrationPath.AuthenticatorApp && app.MinimumVersion != null && VersionText.IsOlder(context.Version, app.MinimumVersion))
            {
                return RuleOutcome.Fail(
                    Code,
                    $"A passkey in Microsoft Authenticator needs {app.MinimumVersionLabel ?? platform.Name + " " + app.MinimumVersion} or later; this device runs {platform.Name} {context.Version}.",
                    $"Update the phone to {app.MinimumVersionLabel ?? app.MinimumVersion} or later, or register a different kind of passkey.",
                    PlatformFacts.Of(context, ("minimumVersion", app.MinimumVersion)));
            }

            return null;
        }
    }
}
