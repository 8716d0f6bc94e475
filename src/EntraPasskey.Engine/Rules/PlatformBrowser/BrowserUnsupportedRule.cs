using System.Collections.Generic;
using EntraPasskey.Engine.Compatibility;

namespace EntraPasskey.Engine.Rules.PlatformBrowser
{
    /// <summary>
    /// The browser cannot use passkeys with Entra ID on this platform at all (Firefox on Android), is not available
    /// there, or is older than the first version that can: no registration path works, so it is a Fail.
    /// </summary>
    public sealed class BrowserUnsupportedRule : ILayerRule
    {
        public const string Code = "BrowserUnsupported";

        public PasskeyLayer Layer => PasskeyLayer.PlatformBrowser;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var context = PlatformContext.From(input, CompatibilityMatrix.Default);
            if (context?.Browser == null)
            {
                return null;
            }

            var support = context.Platform.Browser(context.Browser);
            var why = support == null
                ? $"{context.Browser} is not available on {context.Platform.Name}."
                : support.Unsupported
                    ?? (context.BrowserVersion != null && support.MinimumVersion != null && VersionText.IsOlder(context.BrowserVersion, support.MinimumVersion)
                        ? $"{context.Browser} {context.BrowserVersion} is older than {support.MinimumVersion}, the first version that supports passkeys with Microsoft Entra ID."
                        : null);
            if (why == null)
            {
                return null;
            }

            return RuleOutcome.Fail(
                Code,
                $"{context.Describe()} cannot register a passkey: {why}",
                $"Use a supported browser on {context.Platform.Name} ({string.Join(", ", Supported(context.Platform))}), up to date, and try again.",
                PlatformFacts.Of(context));
        }

        private static IEnumerable<string> Supported(PlatformSupport platform)
        {
            foreach (var browser in platform.Browsers)
            {
                if (browser.Value.Unsupported == null)
                {
                    yield return browser.Key;
                }
            }
        }
    }
}
