using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace EntraPasskey.Engine.Tests.Isolation
{
    /// <summary>
    /// The cmdlet assembly loads into PowerShell's default context. If it referenced Graph, Azure, MSAL or Kiota
    /// directly, those would load there too and clash with other modules' copies (anchor-codebases.md B11).
    /// </summary>
    public sealed class CmdletAssemblyIsolationTests
    {
        private static readonly string[] IsolatedPrefixes =
        {
            "Azure.", "Microsoft.Graph", "Microsoft.Identity", "Microsoft.IdentityModel", "Microsoft.Kiota", "System.Text.Json",
            "System.ClientModel", "System.IdentityModel", "Std.UriTemplate",
        };

        [Fact]
        public void CmdletAssembly_ReferencesNoIsolatedAssembly()
        {
            var references = ReferencedAssemblies(CmdletAssemblyPath());

            Assert.Contains("EntraPasskey.Engine", references);
            Assert.Contains("EntraPasskey.Model", references);
            var leaked = references.Where(name => IsolatedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList();
            Assert.Empty(leaked);
        }

        [Fact]
        public void ModelAssembly_ReferencesNothingButTheFramework()
        {
            var references = ReferencedAssemblies(typeof(PasskeyDiagnosis).Assembly.Location);

            Assert.Equal(new[] { "netstandard" }, references);
        }

        private static string[] ReferencedAssemblies(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).OrderBy(n => n).ToArray();
        }

        private static string CmdletAssemblyPath()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "EntraPasskey.sln")))
            {
                directory = directory.Parent;
            }

            Assert.NotNull(directory);
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = Path.Combine(directory!.FullName, "src", "EntraPasskey", "bin", configuration, "netstandard2.0", "EntraPasskey.dll");
            Assert.True(File.Exists(path), $"Build the cmdlet project first: {path} is missing.");
            return path;
        }
    }
}
