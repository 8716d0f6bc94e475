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
    }
}
