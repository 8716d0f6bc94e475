using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.SignIn;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>about_EntraPasskey lists every reason code a rule can give (registration and sign-in), so Get-Help explains every verdict.</summary>
    public sealed class HelpTopicTests
    {
        [Fact]
        public void AboutTopic_NamesEveryReasonCode()
        {
            var about = File.ReadAllText(Path.Combine(RepositoryRoot(), "module", "en-US", "about_EntraPasskey.help.txt"));

            var codes = RuleSet.Default.All.SelectMany(r => r.ReasonCodes)
                .Concat(SignInPrecedence.Default.SelectMany(r => r.ReasonCodes))
                .Concat(SignInLogs.ReasonCodes)
                .Append(SignInJudge.NoPasskeyCode);

            var missing = codes.Where(code => !Regex.IsMatch(about, $@"\b{code}\b")).ToList();

            Assert.Empty(missing);
        }

        private static string RepositoryRoot()
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
