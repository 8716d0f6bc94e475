using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EntraPasskey.Engine.Compatibility
{
    /// <summary>
    /// Which registration paths work on which platform and browser, read once from the embedded platforms.json, so
    /// the facts can change without touching the rules.
    /// </summary>
    public sealed class CompatibilityMatrix
    {
        private const string ResourceName = "EntraPasskey.Engine.Compatibility.platforms.json";

        private static readonly Lazy<CompatibilityMatrix> Embedded = new Lazy<CompatibilityMatrix>(LoadEmbedded);

        private CompatibilityMatrix(IReadOnlyList<PlatformSupport> platforms)
        {
            Platforms = platforms;
        }

        public static CompatibilityMatrix Default => Embedded.Value;

        public IReadOnlyList<PlatformSupport> Platforms { get; }

        public static CompatibilityMatrix Parse(string json)
        {
            var file = JsonSerializer.Deserialize<MatrixFile>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                ?? throw new InvalidDataException("The compatibility matrix is empty.");
            return new CompatibilityMatrix(file.Platforms);
        }

        /// <summary>The platform with this name (as -Platform spells it), case-insensitive.</summary>
        public PlatformSupport? Named(string name) =>
            Platforms.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>The platform an operating-system string from the sign-in logs starts with ("Windows10", "Ios 17.2").</summary>
        public (PlatformSupport Platform, string? Version)? Recognise(string operatingSystem)
        {
            var text = operatingSystem.Replace(" ", string.Empty).ToLowerInvariant();
            foreach (var platform in Platforms)
            {
                foreach (var alias in platform.Aliases.Select(a => a.Replace(" ", string.Empty).ToLowerInvariant()).OrderByDescending(a => a.Length))
                {
                    if (text.StartsWith(alias, StringComparison.Ordinal))
                    {
                        var rest = text.Substring(alias.Length).TrimStart('_', '-');
                        return (platform, VersionText.Leading(rest));
                    }
                }
            }

            return null;
        }

        private static CompatibilityMatrix LoadEmbedded()
        {
            using var stream = typeof(CompatibilityMatrix).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The engine assembly lacks its {ResourceName} resource.");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd());
        }

        private sealed class MatrixFile
        {
            public List<PlatformSupport> Platforms { get; set; } = new List<PlatformSupport>();
        }
    }
}
