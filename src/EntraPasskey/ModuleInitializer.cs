using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using EntraPasskey.Internal;

namespace EntraPasskey
{
    /// <summary>
    /// Runs on Import-Module. PowerShell 7: hands the engine and its dependencies to the module's own load context
    /// (Dependencies/Core/EntraPasskey.Loader.dll). Windows PowerShell 5.1: resolves them from Dependencies/ and
    /// warns when an older copy of a shared identity library is already loaded.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".";
        private static readonly string DependencyDirectory = Path.Combine(ModuleDirectory, "Dependencies");

        public void OnImport()
        {
            if (IsDotNetFramework)
            {
                DesktopAssemblyResolver.Register(DependencyDirectory);
                return;
            }

            var loader = Assembly.LoadFrom(Path.Combine(DependencyDirectory, "Core", "EntraPasskey.Loader.dll"));
            var initialize = loader.GetType("EntraPasskey.Loader.LoadContextInitializer", throwOnError: true)!
                .GetMethod("Initialize", BindingFlags.Public | BindingFlags.Static)!;
            initialize.Invoke(null, new object[] { DependencyDirectory });
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsDotNetFramework)
            {
                DesktopAssemblyResolver.Unregister();
            }
        }

        private static bool IsDotNetFramework =>
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);
    }
}
