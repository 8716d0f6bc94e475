using System;
using System.Collections.Generic;

namespace EntraPasskey
{
    /// <summary>
    /// Wraps a list view's long values at spaces, for the format views: PowerShell's list view wraps a value that is
    /// wider than the console at the last column, mid-word. Lines are wrapped to the console's width (at most 120
    /// columns, so a transcript or a wide window reads the same) less the label column.
    /// </summary>
    public static class ListText
    {
        /// <summary>The widest console the views wrap for; wider consoles get the same lines.</summary>
        public const int MaxWidth = 120;

        /// <summary>
        /// <paramref name="text"/> wrapped at spaces to fit beside labels <paramref name="labelWidth"/> characters wide
        /// (" : " included), each line after the first of a paragraph indented by <paramref name="hangingIndent"/>.
        /// </summary>
        /// <param name="consoleWidth">The host's width; 0 or less when unknown (then <see cref="MaxWidth"/>).</param>
        public static string Wrap(string? text, int consoleWidth, int labelWidth, int hangingIndent = 0)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            // PowerShell keeps the last column free, so a line as wide as the console would still wrap.
            var width = Math.Max(hangingIndent + 20, (consoleWidth <= 0 ? MaxWidth : Math.Min(consoleWidth, MaxWidth)) - labelWidth - 1);
            var lines = new List<string>();
            foreach (var paragraph in text!.Replace("\r\n", "\n").Split('\n'))
            {
                WrapLine(paragraph, width, new string(' ', hangingIndent), lines);
            }

            return string.Join(Environment.NewLine, lines);
        }

        private static void WrapLine(string line, int width, string indent, List<string> lines)
        {
            var rest = line;
            var first = true;
            while (rest.Length > width)
            {
                // The last space that ends a line within the width, after the indent (so the indent never breaks).
                var from = first ? 0 : indent.Length;
                var space = rest.LastIndexOf(' ', width);
                var cut = space > from ? space : width;
                lines.Add(rest.Substring(0, cut).TrimEnd());
                rest = indent + rest.Substring(cut).TrimStart();
                first = false;
            }

            lines.Add(rest);
        }
    }
}
