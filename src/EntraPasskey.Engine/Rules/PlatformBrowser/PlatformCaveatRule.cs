using System.Collections.Generic;
using EntraPasskey.Engine.Compatibility;

namespace EntraPasskey.Engine.Rules.PlatformBrowser
{
    /// <summary>
    /// The attempt is a passkey in Microsoft Authenticator and the path works here with caveats: from a computer it
    /// is registered cross-device (QR code, Bluetooth on both devices, the phone on iOS 17 or Android 14), and on the
    /// phone itself the OS version must be new enough but is not known. A Warn: it works if those hold.
    /// </summary>
    public sealed class PlatformCaveatRule : ILayerRule
    {
        public const string Code = "PlatformCaveat";

        public PasskeyLayer Layer => PasskeyLayer.PlatformBrowser;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var context = PlatformContext.From(input, CompatibilityMatrix.Default);
            if (context?.Path != RegistrationPath.AuthenticatorApp)
            {
                return null;
            }

            var support = context.Platform.Path(RegistrationPath.AuthenticatorApp, context.Browser);
            if (support.Unsupported != null)
            {
                return null;
            }

            if (support.IsCrossDevice)
            {
                return RuleOutcome.Warn(
                    Code,
                    $"From {context.Describe()}, a passkey in Microsoft Authenticator is registered cross-device: the user scans a QR code with the phone, both devices need Bluetooth on and internet access, and the phone needs iOS 17 or Android 14 or later. If the passkey profile enforces attestation, cross-device registration is not possible.",
                    "Turn Bluetooth on on both devices, or simpler: add the passkey in the Microsoft Authenticator app on the phone itself.",
                    PlatformFacts.Of(context, ("caveat", "cross-device registration needs Bluetooth")));
            }

            if (support.MinimumVersion != null && context.Version == null)
            {
                return RuleOutcome.Warn(
                    Code,
                    $"A passkey in Microsoft Authenticator needs {support.MinimumVersionLabel ?? context.Platform.Name + " " + support.MinimumVersion} or later, and the {context.Platform.Name} version is not known.{(support.Note == null ? string.Empty : " " + support.Note)}",
                    $"Check the phone's {context.Platform.Name} version (or pass -PlatformVersion); update it if it is older than {support.MinimumVersion}.",
                    PlatformFacts.Of(context, ("caveat", "operating system version unknown"), ("minimumVersion", support.MinimumVersion)));
            }

            return null;
        }
    }
}
