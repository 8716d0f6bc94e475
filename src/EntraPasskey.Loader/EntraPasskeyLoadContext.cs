using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace EntraPasskey.Loader
{
    /// <summary>
    /// The module's own load context. Its Load override runs before the default context is consulted, so the engine
    /// binds to our Azure.Identity / MSAL / Microsoft.Graph / Kiota even when another module already loaded other
    /// versions into the default context.
    /// </summary>
    internal sealed class EntraPasskeyLoadContext : AssemblyLoadContext
    {
        /// <summary>Assemblies that must be the one PowerShell and the cmdlets see, so types match across contexts.</summary>
        private static readonly HashSet<string> Shared = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "System.Management.Automation", "EntraPasskey", "EntraPasskey.Model", "EntraPasskey.Loader", "netstandard", "mscorlib",
        };

        private readonly string _dependencyDirectory;
        private readonly Lazy<Dictionary<string, Version>> _platformVersions = new Lazy<Dictionary<string, Version>>(ReadPlatformVersions);

        public EntraPasskeyLoadContext(string dependencyDirectory)
            : base("EntraPasskey", isCollectible: false)
        {
            _dependencyDirectory = dependencyDirectory;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var name = assemblyName.Name;
            if (name == null || Shared.Contains(name))
            {
                return null;
            }

            var path = Path.Combine(_dependencyDirectory, name + ".dll");
            if (!File.Exists(path))
            {
                return null;
            }

            // The runtime's own copy (System.Text.Json, System.Memory, ...) wins unless ours is strictly newer.
            if (_platformVersions.Value.TryGetValue(name, out var platformVersion)
                && AssemblyName.GetAssemblyName(path).Version is Version ours
                && ours <= platformVersion)
            {
                return null;
            }

            return LoadFromAssemblyPath(path);
        }

        private static Dictionary<string, Version> ReadPlatformVersions()
        {
            var versions = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);
            var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty;
            foreach (var path in list.Split(Path.PathSeparator).Where(p => p.Length > 0))
            {
                try
                {
                    var name = AssemblyName.GetAssemblyName(path);
                    if (name.Name != null && name.Version != null)
                    {
                        versions[name.Name] = name.Version;
                    }
                }
                catch (BadImageFormatException)
                {
                }
            }

            return versions;
        }
    }
}
