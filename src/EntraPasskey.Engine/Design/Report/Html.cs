using System.Globalization;
using System.Net;

namespace EntraPasskey.Engine.Design.Report
{
    /// <summary>Text into HTML: every value the tenant supplies (names, ids, messages) goes through here.</summary>
    internal static class Html
    {
        public static string Text(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

        public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

        public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
