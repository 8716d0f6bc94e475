using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace EntraPasskey.Loader
{
    /// <summary>
    /// Called by the cmdlet assembly (through reflection: it targets netstandard2.0) when the module is imported on
    /// PowerShell 7. The default context resolves exactly one name through us: the engine. Everything the engine
    /// needs then comes from our context.
    /// </summary>
    public static class LoadContextInitializer
    {
        private const string EngineName = "EntraPasskey.Engine";
        private static readonly object Gate = new object();
        private static EntraPasskeyLoadContext? s_context;

        public static void Initialize(string dependencyDirectory)
        {
            lock (Gate)
            {
                if (s_context != null)
                {
                    return;
                }

                s_context = new EntraPasskeyLoadContext(Path.GetFullPath(dependencyDirectory));
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
            }
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name) =>
            string.Equals(name.Name, EngineName, StringComparison.OrdinalIgnoreCase) && s_context != null
                ? s_context.LoadFromAssemblyName(name)
                : null;
    }
}
