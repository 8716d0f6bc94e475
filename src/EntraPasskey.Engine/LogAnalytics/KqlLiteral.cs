using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace EntraPasskey.Engine.LogAnalytics
{
    /// <summary>KQL literals. Values from users go through here, never straight into a query.</summary>
    internal static class KqlLiteral
    {
        /// <summary>A double-quoted string literal with backslash escapes (which is also valid JSON).</summary>
        public static string String(string value)
        {
            var text = new StringBuilder("\"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '\\': text.Append("\\\\"); break;
                    case '"': text.Append("\\\""); break;
                    case '\n': text.Append("\\n"); break;
                    case '\r': text.Append("\\r"); break;
                    case '\t': text.Append("\\t"); break;
                    default: text.Append(c); break;
                }
            }

            return text.Append('"').ToString();
        }

        /// <summary>dynamic(["a", "b"]).</summary>
        public static string DynamicArray(IEnumerable<string> values) =>
            "dynamic([" + string.Join(", ", values.Select(String)) + "])";

        /// <summary>A verbatim string (@"..."): no escapes but a doubled quote, so regular expressions stay readable.</summary>
        public static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";
    }
}
