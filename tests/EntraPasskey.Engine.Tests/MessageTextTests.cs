using EntraPasskey.Engine.Evidence;
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

        [Theory]
        [InlineData(new string[0], "")]
        [InlineData(new[] { "Microsoft Authenticator" }, "Microsoft Authenticator")]
        [InlineData(new[] { "Microsoft Authenticator", "3 security keys" }, "Microsoft Authenticator and 3 security keys")]
        [InlineData(new[] { "A", "B", "C" }, "A, B and C")]
        public void AndList_ReadsAsProse(string[] items, string expected)
        {
            Assert.Equal(expected, MessageText.AndList(items));
        }

        [Theory]
        [InlineData("Engineering", true, "'Engineering'")]
        [InlineData(null, true, "0f4f19b3-5b3b-4969-abb4-c1ddb1345c6a")]
        [InlineData(null, false, "0f4f19b3-5b3b-4969-abb4-c1ddb1345c6a, now deleted")]
        public void GroupDescribe_SaysWhenTheGroupHasBeenDeleted(string? name, bool exists, string expected)
        {
            Assert.Equal(expected, new GroupInfo("0f4f19b3-5b3b-4969-abb4-c1ddb1345c6a", name, exists).Describe());
        }

        [Fact]
        public void MethodDescribe_NamesTheMethodWithoutNestingParentheses()
        {
            var passkey = new RegisteredMethod(MethodKind.Fido2, "p-1") { DisplayName = "Microsoft Authenticator - iOS" };

            Assert.Equal("passkey (FIDO2) 'Microsoft Authenticator - iOS'", passkey.Describe());
            Assert.Equal("passkey (FIDO2)", new RegisteredMethod(MethodKind.Fido2, "p-2").Describe());
        }
    }
}
