using System.Linq;

namespace EntraPasskey.Engine.Catalog
{
    /// <summary>One published list the built-in catalog was generated from, as its sources.json stamps it.</summary>
    public sealed class CatalogSource
    {
        public CatalogSource(string title, string? version, string? date)
        {
            Title = title;
            Version = version;
            Date = date;
        }

        public string Title { get; }

        /// <summary>E.g. "MDS version 285"; null when the list has no version of its own.</summary>
        public string? Version { get; }

        /// <summary>The date the list carries (yyyy-MM-dd), or null.</summary>
        public string? Date { get; }

        public override string ToString() =>
            Version == null && Date == null ? Title : $"{Title} ({string.Join(", ", new[] { Version, Date == null ? null : "dated " + Date }.Where(p => p != null))})";
    }
}
