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
                ("path", context.Path == null ? null : Name(context.Path.Value) + " (from -Aaguid)"),
                ("source", context.Source),
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
