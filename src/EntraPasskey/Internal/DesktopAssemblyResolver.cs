using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace EntraPasskey.Internal
{
    /// <summary>
    /// Windows PowerShell 5.1 has no load contexts. We answer AssemblyResolve for the names we ship, whatever version
    /// is asked for (a dynamic binding redirect), and warn when an older copy of a shared identity library is already
    /// loaded: then the first one loaded wins and our calls may fail.
    /// </summary>
    internal static class DesktopAssemblyResolver
    {
        private static readonly string[] WatchedNames = { "Azure.Core", "Azure.Identity", "Microsoft.Identity.Client", "Microsoft.Graph.Core", "Microsoft.Kiota.Abstractions" };
        private static Dictionary<string, string> s_catalog = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private static bool s_registered;

        public static void Register(string dependencyDirectory)
        {
            if (s_registered)
            {
                return;
            }

            s_catalog = Directory.EnumerateFiles(dependencyDirectory, "*.dll")
                .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => path, StringComparer.OrdinalIgnoreCase);
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
            s_registered = true;
            WarnAboutOlderCopies();
        }

        public static void Unregister()
        {
            if (s_registered)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
                s_registered = false;
            }
        }

        private static Assembly? Resolve(object sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            return name != null && s_catalog.TryGetValue(name, out var path) ? Assembly.LoadFrom(path) : null;
        }

        private static void WarnAboutOlderCopies()
        {
            foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName()))
            {
                if (loaded.Name == null || !WatchedNames.Contains(loaded.Name, StringComparer.OrdinalIgnoreCase)
                    || !s_catalog.TryGetValue(loaded.Name, out var ours))
                {
                    continue;
                }

                var ourVersion = AssemblyName.GetAssemblyName(ours).Version;
                if (loaded.Version != null && ourVersion != null && loaded.Version < ourVersion)
                {
                    ImportWarnings.Add(
                        $"{loaded.Name} {loaded.Version} is already loaded by another module; EntraPasskey needs {ourVersion}. " +
                        "In Windows PowerShell the first copy loaded wins, so Graph calls may fail. Import EntraPasskey first in a new session, or use PowerShell 7, where the module isolates its dependencies.");
                }
            }
        }
    }
}
