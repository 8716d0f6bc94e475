using System;
using System.Globalization;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// OData literals for $filter. Values from users go through here, never straight into a filter: an apostrophe
    /// is doubled, so o'brien@contoso.com becomes 'o''brien@contoso.com' (product.md §9).
    /// </summary>
    internal static class ODataLiteral
    {
        public static string String(string value) => "'" + value.Replace("'", "''") + "'";

        /// <summary>An Edm.DateTimeOffset literal in UTC, unquoted, as Graph's audit filters take it.</summary>
        public static string DateTime(DateTimeOffset value) =>
            value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
