using System;
using System.Collections.Generic;
using System.Globalization;

namespace EntraPasskey.Engine.Catalog
{
    /// <summary>When the built-in catalog was generated and from which lists, so a user can tell how old its answers are.</summary>
    public sealed class CatalogProvenance
    {
        public CatalogProvenance(DateTimeOffset generated, IReadOnlyList<CatalogSource> sources)
        {
            Generated = generated;
            Sources = sources;
        }

        public DateTimeOffset Generated { get; }

        public IReadOnlyList<CatalogSource> Sources { get; }

        /// <summary>Whole days from <see cref="Generated"/> to <paramref name="now"/>; 0 on the day itself.</summary>
        public int AgeInDays(DateTimeOffset now) => Math.Max(0, (int)Math.Floor((now - Generated).TotalDays));

        /// <summary>One sentence for -Verbose: how many entries, how old, from what.</summary>
        public string Describe(int entries, DateTimeOffset now)
        {
            var age = AgeInDays(now);
            var ago = age == 0 ? "today" : age == 1 ? "1 day ago" : $"{age} days ago";
            return $"Built-in catalog: {entries} authenticators, generated {Generated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({ago}) from {string.Join("; ", Sources)}.";
        }
    }
}
