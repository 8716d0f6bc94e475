using System;
using System.IO;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>The catalog's data file and the copies of the lists it is generated from, in the source tree.</summary>
    internal static class CatalogFiles
    {
        public static string Catalog => Path.Combine(Folder(), "authenticators.json");

        public static string Source(string file) => Path.Combine(Folder(), "Sources", file);

        private static string Folder()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "EntraPasskey.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory!.FullName, "src", "EntraPasskey.Engine", "Catalog");
        }
    }
}
