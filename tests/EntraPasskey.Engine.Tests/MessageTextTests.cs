using Xunit;

namespace EntraPasskey.Engine.Tests
{
    /// <summary>Wording shared by engine messages.</summary>
    public sealed class MessageTextTests
    {
        [Theory]
        [InlineData("No such host is known.", "No such host is known.")]
        [InlineData("No such host is known.\r\n   at System.Net.Http...", "No such host is known.")]
        [InlineData("ClientSecretCredential authentication failed.\nSee the troubleshooting guide.", "ClientSecretCredential authentication failed.")]
        public void FirstLine_CutsAtTheFirstLineBreak(string text, string expected)
        {
            Assert.Equal(expected, MessageText.FirstLine(text));
        }

        [Theory]
        [InlineData(new string[0], "")]
        [InlineData(new[] { "Edge" }, "Edge")]
        [InlineData(new[] { "Edge", "Chrome" }, "Edge or Chrome")]
        [InlineData(new[] { "Windows", "macOS", "Linux" }, "Windows, macOS or Linux")]
        public void OrList_ReadsAsProse(string[] items, string expected)
        {
            Assert.Equal(expected, MessageText.OrList(items));
        }
    }
}
