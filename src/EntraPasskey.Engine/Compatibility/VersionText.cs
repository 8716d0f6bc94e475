using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace EntraPasskey.Engine.Compatibility
{
    /// <summary>Dotted version numbers as people and logs write them ("17.2.1", "10.0.19045", "131.0.0").</summary>
    public static class VersionText
    {
        private static readonly Regex LeadingVersion = new Regex(@"^\s*v?(\d+(?:\.\d+)*)", RegexOptions.CultureInvariant);

        /// <summary>The version at the start of the text ("17.2 beta" → "17.2"), or null.</summary>
        public static string? Leading(string text)
        {
            var match = LeadingVersion.Match(text);
            return match.Success ? match.Groups[1].Value : null;
        }

        /// <summary>
        /// True only when <paramref name="actual"/> is certainly older than <paramref name="minimum"/>: "10" is not
        /// taken as older than "10.0.18362", because the build it leaves out may be newer.
        /// </summary>
        public static bool IsOlder(string actual, string minimum)
        {
            var have = Numbers(actual);
            var need = Numbers(minimum);
            if (have.Length == 0)
            {
                return false;
            }

            for (var i = 0; i < Math.Min(have.Length, need.Length); i++)
            {
                if (have[i] != need[i])
                {
                    return have[i] < need[i];
                }
            }

            return false;
        }

        private static long[] Numbers(string text) =>
            (Leading(text) ?? string.Empty)
                .Split(new[] { '.' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(part => long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
                .ToArray();
    }
}
