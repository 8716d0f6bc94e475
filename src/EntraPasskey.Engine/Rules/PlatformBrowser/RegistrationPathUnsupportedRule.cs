using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Compatibility;

namespace EntraPasskey.Engine.Rules.PlatformBrowser
{
    /// <summary>
    /// The attempt's path is known (the AAGUID catalog says whether -Aaguid is a security key, a passkey in Microsoft
    /// Authenticator or a platform passkey) and that path cannot work on this platform and browser (a new security key
    /// in Safari on macOS, Authenticator from Firefox on Linux): a Fail. The remediation says what works for that path.
    /// </summary>
    public sealed class RegistrationPathUnsupportedRule : ILayerRule
    {
        public const string Code = "RegistrationPathUnsupported";

        public PasskeyLayer Layer => PasskeyLayer.PlatformBrowser;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var matrix = CompatibilityMatrix.Default;
            var context = PlatformContext.From(input, matrix);
            if (context?.Path == null)
            {
                return null;
            }

            var path = context.Path.Value;
            var support = context.Platform.Path(path, context.Browser);
            if (support.Unsupported == null)
            {
                return null;
            }

            // The matrix keeps no limits for platform passkeys, so only a security key or Authenticator gets here.
            return RuleOutcome.Fail(
                Code,
                $"{context.Describe()} cannot register {PlatformFacts.Name(path)}: {support.Unsupported}",
                path == RegistrationPath.AuthenticatorApp ? AuthenticatorRemediation(context) : SecurityKeyRemediation(context, matrix),
                PlatformFacts.Of(context));
        }

        /// <summary>Another browser here, or the app itself: Authenticator can always add the passkey on the phone.</summary>
        private static string AuthenticatorRemediation(PlatformContext context)
        {
            var browsers = BrowsersFor(context.Platform, RegistrationPath.AuthenticatorApp, context.Browser);
            return (browsers.Count == 0 ? "Register from another device" : $"Register from {MessageText.OrList(browsers)} on {context.Platform.Name}")
                + ", or add the passkey in the Microsoft Authenticator app on the phone itself.";
        }

        /// <summary>Another browser here, or else a platform that can register keys: the key itself is what the user has.</summary>
        private static string SecurityKeyRemediation(PlatformContext context, CompatibilityMatrix matrix)
        {
            var browsers = BrowsersFor(context.Platform, RegistrationPath.SecurityKey, context.Browser);
            if (browsers.Count > 0)
            {
                return $"Register the security key in {MessageText.OrList(browsers)} on {context.Platform.Name}, or on another computer.";
            }

            var platforms = matrix.Platforms.Where(p => BrowsersFor(p, RegistrationPath.SecurityKey, null).Count > 0).Select(p => p.Name).ToList();
            return $"Register the security key on another computer ({MessageText.OrList(platforms)}) in a browser that can register security keys there.";
        }

        private static IReadOnlyList<string> BrowsersFor(PlatformSupport platform, RegistrationPath path, string? except) =>
            platform.Browsers
                .Where(b => b.Value.Unsupported == null
                    && platform.Path(path, b.Key).Unsupported == null
                    && !string.Equals(b.Key, except, StringComparison.OrdinalIgnoreCase))
                .Select(b => b.Key)
                .ToList();
    }
}
