using System;
using System.Linq;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Compatibility
{
    /// <summary>
    /// The device the registration is judged for: from -Platform/-PlatformVersion/-Browser when given, otherwise from
    /// the latest sign-in's deviceDetail. Null when neither names a platform this matrix knows.
    /// </summary>
    /// <param name="FromHints">True when the help desk named the device; false when it was taken from the latest sign-in.</param>
    public sealed record PlatformContext(PlatformSupport Platform, string? Version, string? Browser, string? BrowserVersion, string Source, bool FromHints, RegistrationPath? Path)
    {
        public static PlatformContext? From(DiagnosisInput input, CompatibilityMatrix matrix)
        {
            var hints = input.Hints;
            var path = hints.Aaguid is Guid aaguid ? PathOf(input.Authenticators.Find(aaguid)) : null;
            var browserHint = string.Equals(hints.Browser, "Other", StringComparison.OrdinalIgnoreCase) ? null : hints.Browser;
            if (hints.Platform != null)
            {
                var named = matrix.Named(hints.Platform);
                return named == null ? null : new PlatformContext(named, hints.PlatformVersion, browserHint, null, "the -Platform/-Browser parameters", true, path);
            }

            var signIn = input.User.SignIns.SignIns.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.OperatingSystem));
            var recognised = signIn == null ? null : matrix.Recognise(signIn.OperatingSystem!);
            if (recognised == null)
            {
                return null;
            }

            var (browser, browserVersion) = browserHint != null ? (browserHint, null) : BrowserNames.Recognise(signIn!.Browser);
            return new PlatformContext(
                recognised.Value.Platform,
                hints.PlatformVersion ?? recognised.Value.Version,
                browser,
                browserVersion,
                $"the latest sign-in ({Rules.Facts.Time(signIn!.CreatedAt)}{(string.IsNullOrEmpty(signIn.AppDisplayName) ? string.Empty : " to " + signIn.AppDisplayName)}: {signIn.OperatingSystem}, {signIn.Browser ?? "no browser"})",
                false,
                path)
            {
                SignInId = signIn.Id,
            };
        }

        /// <summary>The id of the sign-in the device was taken from: evidence for whoever looks it up, not words to read aloud.</summary>
        public string? SignInId { get; init; }

        /// <summary>How the authenticator the help desk named is registered; null when the catalog does not know it.</summary>
        private static RegistrationPath? PathOf(PasskeyAuthenticator? authenticator)
        {
            switch (authenticator?.ProviderKind)
            {
                case ProviderKind.HardwareKey: return RegistrationPath.SecurityKey;
                case ProviderKind.AuthenticatorApp: return RegistrationPath.AuthenticatorApp;
                case ProviderKind.Platform:
                case ProviderKind.PasswordManager: return RegistrationPath.PlatformPasskey;
                default: return null;
            }
        }

        /// <summary>"Safari on macOS 14.2", for messages.</summary>
        public string Describe() =>
            (Browser == null ? string.Empty : Browser + (BrowserVersion == null ? string.Empty : " " + BrowserVersion) + " on ")
            + Platform.Name + (Version == null ? string.Empty : " " + Version);
    }
}
