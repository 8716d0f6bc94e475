namespace EntraPasskey.Engine.Graph
{
    /// <summary>OData string literals for $filter: quoted, with an apostrophe doubled (o'brien → 'o''brien').</summary>
    internal static class ODataLiteral
    {
        public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
