using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine
{
    /// <summary>Wording shared by messages across the engine.</summary>
    internal static class MessageText
    {
        /// <summary>The text up to its first line break: SDK and network exceptions append detail a help desk cannot act on.</summary>
        public static string FirstLine(string text)
        {
            var end = text.IndexOfAny(new[] { '\r', '\n' });
            return end < 0 ? text : text.Substring(0, end);
        }

        /// <summary>"A", "A or B", "A, B or C".</summary>
        public static string OrList(IReadOnlyList<string> items) => List(items, " or ");

        /// <summary>"A", "A and B", "A, B and C".</summary>
        public static string AndList(IReadOnlyList<string> items) => List(items, " and ");

        private static string List(IReadOnlyList<string> items, string last) =>
            items.Count < 2 ? string.Join(string.Empty, items) : string.Join(", ", items.Take(items.Count - 1)) + last + items[items.Count - 1];
    }
}
