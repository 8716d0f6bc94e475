using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Compatibility;

namespace EntraPasskey.Engine.Rules.PlatformBrowser
{
    /// <summary>The evidence every layer-5 outcome carries: what device was judged, and where that came from.</summary>
    internal static class PlatformFacts
    {
        public static IDictionary<string, string> Of(PlatformContext context, params (string Key, string? Value)[] more) =>
            Facts.Of(new[]
            {
                ("platform", (string?)context.Platform.Name),
                ("platformVersion", context.Version),
                ("browser", context.Browser == null ? null : context.Browser + (context.BrowserVersion == null ? string.Empty : " " + context.BrowserVersion)),
                ("path", context.Path == RegistrationPath.AuthenticatorApp ? "passkey in Microsoft Authenticator (from -Aaguid)" : null),
                ("source", context.Source),
            }.Concat(more).ToArray());

        /// <summary>"the passkey in Microsoft Authenticator" / "a security key", for messages.</summary>
        public static string Name(RegistrationPath path) =>
            path == RegistrationPath.SecurityKey ? "a security key" : "a passkey in Microsoft Authenticator";
    }
}
