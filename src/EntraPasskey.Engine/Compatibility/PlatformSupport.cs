using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Compatibility
{
    /// <summary>One platform's row of the compatibility matrix.</summary>
    public sealed class PlatformSupport
    {
        /// <summary>As -Platform spells it: Windows, macOS, iOS, Android, Linux, ChromeOS.</summary>
        public string Name { get; set; } = string.Empty;

        /// <summary>How the sign-in logs' deviceDetail.operatingSystem starts for this platform (spaces ignored).</summary>
        public List<string> Aliases { get; set; } = new List<string>();

        public string? MinimumVersion { get; set; }

        public string? MinimumVersionLabel { get; set; }

        /// <summary>By browser name (Edge, Chrome, Firefox, Safari); a browser not listed is not available there.</summary>
        public Dictionary<string, BrowserSupport> Browsers { get; set; } = new Dictionary<string, BrowserSupport>(StringComparer.OrdinalIgnoreCase);

        public PathSupport SecurityKey { get; set; } = new PathSupport();

        public PathSupport AuthenticatorApp { get; set; } = new PathSupport();

        /// <summary>The synced passkey provider built into the platform, if any (allowed only when the passkey profile allows synced passkeys).</summary>
        public string? Synced { get; set; }

        /// <summary>Caveats that do not stop registration.</summary>
        public List<string> Notes { get; set; } = new List<string>();

        public BrowserSupport? Browser(string name) =>
            Browsers.FirstOrDefault(b => string.Equals(b.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        /// <summary>The path's support in this browser: the browser's override, else the platform's.</summary>
        /// <remarks>
        /// Platform passkeys (Windows Hello, iCloud Keychain, a password manager) register wherever the platform or
        /// browser offers them; the matrix keeps no limits for them, so they are supported.
        /// </remarks>
        public PathSupport Path(RegistrationPath path, string? browser)
        {
            var inBrowser = browser == null ? null : Browser(browser);
            switch (path)
            {
                case RegistrationPath.SecurityKey: return inBrowser?.SecurityKey ?? SecurityKey;
                case RegistrationPath.AuthenticatorApp: return inBrowser?.AuthenticatorApp ?? AuthenticatorApp;
                default: return new PathSupport();
            }
        }
    }

    /// <summary>A browser's support on one platform.</summary>
    public sealed class BrowserSupport
    {
        /// <summary>Why passkeys cannot work in this browser on this platform; null when they can.</summary>
        public string? Unsupported { get; set; }

        public string? MinimumVersion { get; set; }

        public PathSupport? SecurityKey { get; set; }

        public PathSupport? AuthenticatorApp { get; set; }
    }

    /// <summary>Whether one registration path works, and how.</summary>
    public sealed class PathSupport
    {
        /// <summary>Why the path cannot work here; null when it can.</summary>
        public string? Unsupported { get; set; }

        /// <summary>Authenticator: "sameDevice" (on the phone itself) or "crossDevice" (QR code to a phone, over Bluetooth).</summary>
        public string? Mode { get; set; }

        public string? MinimumVersion { get; set; }

        public string? MinimumVersionLabel { get; set; }

        public string? Note { get; set; }

        public bool IsCrossDevice => string.Equals(Mode, "crossDevice", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>How the user adds the passkey.</summary>
    public enum RegistrationPath
    {
        SecurityKey,
        AuthenticatorApp,
        /// <summary>Held by the platform or a password manager: Windows Hello, iCloud Keychain, Google Password Manager, 1Password, ...</summary>
        PlatformPasskey,
    }
}
