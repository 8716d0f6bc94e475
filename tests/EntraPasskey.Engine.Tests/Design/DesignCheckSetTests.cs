using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design
{
    /// <summary>Every design check is findable, documented, tested, and judged into one finding each.</summary>
    public sealed class DesignCheckSetTests
    {
        [Fact]
        public void EveryCheck_HasAUniquePascalCaseId_AndAMicrosoftDocumentationLink()
        {
            var checks = DesignCheckSet.Default.All;

            Assert.True(checks.Count >= 20, $"only {checks.Count} checks were found");
            Assert.Equal(checks.Count, checks.Select(c => c.Id).Distinct().Count());
            Assert.All(checks, c => Assert.Matches("^[A-Z][A-Za-z]+$", c.Id));
            Assert.All(checks, c => Assert.Equal("https://learn.microsoft.com/", c.Documentation.GetLeftPart(UriPartial.Authority) + "/"));
        }

        [Fact]
        public void EveryCheck_HasItsOwnTestClass()
        {
            var tests = typeof(DesignCheckSetTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet();

            var untested = DesignCheckSet.Default.All.Select(c => c.GetType().Name).Where(name => !tests.Contains(name + "Tests")).ToList();

            Assert.Empty(untested);
        }

        [Fact]
        public void AboutTopic_ListsEveryCheck()
        {
            var about = File.ReadAllText(Path.Combine(RepositoryRoot(), "module", "en-US", "about_EntraPasskey.help.txt"));

            var missing = DesignCheckSet.Default.All.Select(c => c.Id).Where(id => !Regex.IsMatch(about, $@"\b{id}\b")).ToList();

            Assert.Empty(missing);
        }

        [Fact]
        public void Judge_WritesOneFindingPerCheck_DeparturesFirst_MostSevereFirst()
        {
            var tenant = new TenantBuilder().Fido2Disabled().SecurityDefaults(SecurityDefaults.On).Build();

            var findings = DesignCheckSet.Default.Judge(DesignInputs.For(tenant), DesignInputs.Now);

            Assert.Equal(DesignCheckSet.Default.All.Count, findings.Count);
            Assert.Equal("PasskeysDisabled", findings[0].CheckId);
            var statuses = findings.Select(f => f.Status == FindingStatus.Pass).ToList();
            Assert.Equal(statuses.OrderBy(p => p), statuses);
            var failed = findings.Where(f => f.Status != FindingStatus.Pass).Select(f => f.Severity).ToList();
            Assert.Equal(failed.OrderByDescending(s => s), failed);
            Assert.Contains(findings, f => f.CheckId == "SecurityDefaultsOn" && f.Status == FindingStatus.Fail && f.AffectedUsers == 100);
            Assert.All(findings.Where(f => f.Status == FindingStatus.Pass), f => Assert.Equal("Meets the design.", f.Problem));
        }

        internal static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "EntraPasskey.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root (EntraPasskey.sln) is not above the test assembly.");
        }
    }
}
