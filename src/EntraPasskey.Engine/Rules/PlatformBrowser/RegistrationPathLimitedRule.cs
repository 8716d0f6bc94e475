using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Compatibility;

namespace EntraPasskey.Engine.Rules.PlatformBrowser
{
    /// <summary>
    /// The help desk named the device (-Platform) but not the authenticator, and on that platform and browser some
    /// paths do not work (a new security key cannot be registered in Safari on macOS, in iOS browsers, on ChromeOS or
    /// Android; Authenticator needs iOS 17 or Android 14). Other paths may, so it is a Warn that says which work.
    /// When the device comes from the latest sign-in, which shows where the user was but not what they are adding,
    /// the limits are recorded as evidence only. When nothing is limited, the platform passes.
    /// </summary>
    public sealed class RegistrationPathLimitedRule : ILayerRule
    {
        public const string Code = "RegistrationPathLimited";

        public PasskeyLayer Layer => PasskeyLayer.PlatformBrowser;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var context = PlatformContext.From(input, CompatibilityMatrix.Default);
            if (context == null)
            {
                return null;
            }

            var notes = context.Platform.Notes.Count == 0 ? null : string.Join(" ", context.Platform.Notes);
            if (context.Path != null)
            {
                return RuleOutcome.Pass(PlatformFacts.Of(context, ("notes", notes)));
            }

            var limits = new List<string>();
            var works = new List<string>();
            foreach (var path in new[] { RegistrationPath.SecurityKey, RegistrationPath.AuthenticatorApp })
            {
                var why = WhyNot(context, path);
                if (why == null)
                {
                    works.Add(PlatformFacts.Name(path));
                }
                else
                {
                    limits.Add(why);
                }
            }

            if (limits.Count == 0)
            {
                return RuleOutcome.Pass(PlatformFacts.Of(context, ("notes", notes)));
            }

            if (context.Platform.Synced != null)
            {
                works.Add($"a synced passkey in {context.Platform.Synced}, if the passkey profile allows synced passkeys");
            }

            if (!context.FromHints)
            {
                return RuleOutcome.Pass(PlatformFacts.Of(context, ("notAvailableHere", string.Join(" ", limits)), ("notes", notes)));
            }

            var instead = works.Count == 0 ? "No other path is known to work here." : "What works here: " + string.Join("; ", works) + ".";
            return RuleOutcome.Warn(
                Code,
                $"On {context.Describe()} not every kind of passkey can be registered: {string.Join(" ", limits)} {instead}",
                "Find out what the user is adding (pass -Aaguid to check that authenticator). If it is one of the paths that do not work here, have them use another browser or device.",
                PlatformFacts.Of(context, ("notAvailableHere", string.Join(" ", limits)), ("availableHere", works.Count == 0 ? "none known" : string.Join("; ", works)), ("notes", notes)));
        }

        private static string? WhyNot(PlatformContext context, RegistrationPath path)
        {
            var support = context.Platform.Path(path, context.Browser);
            if (support.Unsupported != null)
            {
                return support.Unsupported;
            }

            return context.Version != null && support.MinimumVersion != null && VersionText.IsOlder(context.Version, support.MinimumVersion)
                ? $"{PlatformFacts.Name(path)} needs {support.MinimumVersionLabel ?? support.MinimumVersion} or later."
                : null;
        }
    }
}
