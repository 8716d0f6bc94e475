using System;
using System.Text.RegularExpressions;

namespace EntraPasskey.Engine.Rules
{
    /// <summary>
    /// Keeps a diagnosis summary to what a help desk reads aloud: at most two lines of a 120-column console. The
    /// decisive finding's headline (its rule's own, or its message's first sentence) follows the verdict's lead; the
    /// detail stays in the finding and the fix in Fix. Pure.
    /// </summary>
    internal static class SummaryText
    {
        /// <summary>Two lines of a 120-column console.</summary>
        public const int MaxLength = 240;

        /// <summary>A parenthesised aside (not nested: messages never nest them) that holds a GUID, with the space before it.</summary>
        private static readonly Regex IdAside = new Regex(
            @" ?\([^()]*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}[^()]*\)", RegexOptions.CultureInvariant);

        /// <summary>
        /// <paramref name="lead"/> and <paramref name="headline"/>, shortened to fit: to its first sentence, then its
        /// first clause, then cut at a word; <paramref name="tail"/> (an aside) only when it still fits.
        /// </summary>
        public static string Compose(string lead, string headline, string tail = "")
        {
            var budget = MaxLength - lead.Length;
            var text = WithoutIds(headline);
            if (text.Length > budget)
            {
                text = FirstSentence(text);
            }

            if (text.Length > budget)
            {
                var clause = text.IndexOf("; ", StringComparison.Ordinal);
                text = clause > 0 ? text.Substring(0, clause) + "." : text;
            }

            if (text.Length > budget)
            {
                text = Cut(text, budget);
            }

            var summary = lead + text;
            return summary.Length + tail.Length <= MaxLength ? summary + tail : summary;
        }

        /// <summary>
        /// The message up to the end of its first sentence: a full stop, a space and a capital (not '121.0 on' nor 'e.g. the'), outside a quoted name
        /// ('Register security info. New hires'); an apostrophe inside a word (Archie's, O'Brien) quotes nothing.
        /// </summary>
        public static string FirstSentence(string message)
        {
            var quoted = false;
            for (var i = 0; i < message.Length; i++)
            {
                var c = message[i];
                if (c == '\'')
                {
                    if (!quoted && (i == 0 || char.IsWhiteSpace(message[i - 1]) || message[i - 1] == '('))
                    {
                        quoted = true;
                    }
                    else if (quoted && (i == message.Length - 1 || !char.IsLetterOrDigit(message[i + 1])))
                    {
                        quoted = false;
                    }
                }
                else if (c == '.' && !quoted && i + 2 < message.Length && message[i + 1] == ' ' && char.IsUpper(message[i + 2]))
                {
                    return message.Substring(0, i + 1);
                }
            }

            return message;
        }

        /// <summary>
        /// The text without the asides that carry an id ("YubiKey 5 (cb69481e-...)", "(targets: group 0f4f...,
        /// now deleted)"): an id is read to nobody; the finding keeps it.
        /// </summary>
        private static string WithoutIds(string text) => text.IndexOf('-') < 0 ? text : IdAside.Replace(text, string.Empty);

        /// <summary>The text cut at the last space that leaves room for "...".</summary>
        private static string Cut(string text, int budget)
        {
            const string more = "...";
            var room = Math.Max(0, budget - more.Length);
            var space = text.LastIndexOf(' ', Math.Min(room, text.Length - 1));
            return (space > 0 ? text.Substring(0, space) : text.Substring(0, room)).TrimEnd(',', ';', ':') + more;
        }
    }
}
