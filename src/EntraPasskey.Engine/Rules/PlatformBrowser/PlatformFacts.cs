using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Compatibility;

namespace EntraPasskey.Engine.Rules.PlatformBrowser
{
    /// <summary>The evidence every layer-5 outcome carries: what device was judged, and where that came from.</summary>
    internal static class PlatformFacts
    {
        /// <summary>
        /// What a layer-5 rule found wrong with the device. Only a device the caller named (-Platform, -PlatformVersion,
        /// -Browser) is a fact that can fail the layer: a device taken from the latest sign-in says where the user
        /// signed in, not where the passkey will be registered (a security key can be registered on another computer),
        /// so it warns, says which sign-in it was taken from, and how to confirm it.
        /// </summary>
        public static RuleOutcome Problem(PlatformContext context, string code, string message, string remediation, IDictionary<string, string> evidence)
        {
            if (context.FromHints)
            {
                return RuleOutcome.Fail(code, message, remediation, evidence);
            }

            evidence["inferred"] = "true";
            return RuleOutcome.Warn(
                code,
                $"{message} This device is inferred from {context.Source}; nothing says the passkey will be registered there.",
                $"Confirm the device the user will register on: run Test-EntraPasskey again with {ConfirmingParameters(context)}. If it is this one: {remediation}",
                evidence,
                headline: $"{SummaryText.FirstSentence(message).TrimEnd('.')} (the device of the latest sign-in).");
        }

        /// <summary>"-Platform iOS -PlatformVersion 18.5 -Browser Safari", from what was inferred.</summary>
        private static string ConfirmingParameters(PlatformContext context) =>
            $"-Platform {context.Platform.Name}"
            + (context.Version == null ? string.Empty : $" -PlatformVersion {context.Version}")
            + (context.Browser == null ? string.Empty : $" -Browser {context.Browser}");

        public static IDictionary<string, string> Of(PlatformContext context, params (string Key, string? Value)[] more) =>
            Facts.Of(new[]
            {
                ("platform", (string?)context.Platform.Name),
                ("platformVersion", context.Version),
                ("browser", context.Browser == null ? null : context.Browser + (context.BrowserVersion == null ? string.Empty : " " + context.BrowserVersion)),
                ("path", context.Path == null ? null : Name(context.Path.Value) + " (from -Aaguid)"),
                ("source", context.Source),
                ("signInId", context.SignInId),
            }.Concat(more).ToArray());

        /// <summary>"a security key" / "a passkey in Microsoft Authenticator" / "a platform passkey", for messages.</summary>
        public static string Name(RegistrationPath path)
        {
            switch (path)
            {
                case RegistrationPath.SecurityKey: return "a security key";
                case RegistrationPath.AuthenticatorApp: return "a passkey in Microsoft Authenticator";
                default: return "a platform passkey";
            }
        }
    }
}
