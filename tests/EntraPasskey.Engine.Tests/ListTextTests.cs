using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace EntraPasskey.Engine.Tests
{
    /// <summary>The single-user view's long values wrap at spaces, to the console's width (at most 120) less the label column.</summary>
    public sealed class ListTextTests
    {
        private static readonly string Sentence = string.Join(" ", Enumerable.Range(1, 60).Select(i => "registration" + i)) + ".";

        [Theory]
        [InlineData(120)]
        [InlineData(0)]
        [InlineData(300)]
        public void Wrap_At120Columns_BreaksOnlyAtSpacesWithinTheWidth(int consoleWidth)
        {
            var lines = ListText.Wrap(Sentence, consoleWidth, 20).Split(new[] { Environment.NewLine }, StringSplitOptions.None);

            Assert.All(lines, line => Assert.True(line.Length <= 120 - 20 - 1, line));
            Assert.Equal(Sentence, string.Join(" ", lines));
            Assert.True(lines[0].Length > 90, "the line uses the width it has");
        }

        [Fact]
        public void Wrap_OnANarrowConsole_UsesItsWidth()
        {
            var lines = ListText.Wrap(Sentence, 80, 20).Split(new[] { Environment.NewLine }, StringSplitOptions.None);

            Assert.All(lines, line => Assert.True(line.Length <= 59, line));
        }

        [Fact]
        public void Wrap_WithAHangingIndent_IndentsTheContinuationLines()
        {
            var row = "3 MFA bootstrap" + new string(' ', 33) + Sentence;

            var lines = ListText.Wrap(row, 120, 20, 48).Split(new[] { Environment.NewLine }, StringSplitOptions.None);

            Assert.StartsWith("3 MFA bootstrap ", lines[0]);
            Assert.All(lines.Skip(1), line => Assert.StartsWith(new string(' ', 48) + "registration", line));
            Assert.Equal(Regex.Replace(row, " +", " "), Regex.Replace(string.Join(" ", lines), " +", " "));
        }

        [Fact]
        public void Wrap_ShortText_IsUnchanged()
        {
            Assert.Equal("Remove the user from Passkey Exclusions.", ListText.Wrap("Remove the user from Passkey Exclusions.", 120, 20));
        }
    }
}
