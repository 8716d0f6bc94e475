using System;
using System.Text.RegularExpressions;

namespace EntraPasskey.Engine.Compatibility
{
    /// <summary>Reads the browser from the sign-in logs' deviceDetail.browser ("Edge 131.0.0", "Mobile Safari", "Chrome Mobile 120").</summary>
    public static class BrowserNames
    {
        private static readonly Regex FirstVersion = new Regex(@"\d+(?:\.\d+)*", RegexOptions.CultureInvariant);

        private static readonly (string Name, string[] Markers)[] Known =
        {
            ("Edge", new[] { "edge", "edg" }),
            ("Firefox", new[] { "firefox", "fxios" }),
            ("Chrome", new[] { "chrome", "crios" }),
            ("Safari", new[] { "safari" }),
        };

        /// <summary>The browser's name as the matrix spells it, and its version; (null, null) for apps and unknown browsers.</summary>
        public static (string? Name, string? Version) Recognise(string? browser)
        {
            if (string.IsNullOrWhiteSpace(browser))
            {
                return (null, null);
            }

            foreach (var (name, markers) in Known)
            {
                foreach (var marker in markers)
                {
                    var at = browser!.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
                    if (at >= 0)
                    {
                        var version = FirstVersion.Match(browser.Substring(at + marker.Length));
                        return (name, version.Success ? version.Value : null);
                    }
                }
            }

            return (null, null);
        }
    }
}
