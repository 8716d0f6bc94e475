using System.Collections.Generic;
using EntraPasskey.Engine.Compatibility;

namespace EntraPasskey.Engine.Rules.PlatformBrowser
{
    /// <summary>
    /// The attempt's path is known (-Aaguid names a passkey in Microsoft Authenticator) and that path cannot work on
    /// this platform and browser (for example from Firefox on Linux): a Fail.
    /// </summary>
    public sealed class RegistrationPathUnsupportedRule : ILayerRule
    {
        public const string Code = "RegistrationPathUnsupported";

        public PasskeyLayer Layer => PasskeyLayer.PlatformBrowser;

        public int Order => 30;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var context = PlatformContext.From(input, CompatibilityMatrix.Default);
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

            return RuleOutcome.Fail(
                Code,
                $"{context.Describe()} cannot register {PlatformFacts.Name(path)}: {support.Unsupported}",
                "Register from another browser or device, or add the passkey in the Microsoft Authenticator app on the phone itself.",
                PlatformFacts.Of(context));
        }
    }
}
