using EntraPasskey.Engine.Diagnosis;
using Xunit;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>What a caller passes as a user: accepted as a key, or refused with an error that says which input it was.</summary>
    public sealed class UserKeyTests
    {
        /// <summary>64 characters before the "@" and 48 after: Microsoft Entra ID's longest user principal name, 113.</summary>
        private static readonly string LongestUpn = new string('a', 64) + "@" + new string('b', 44) + ".com";

        [Fact]
        public void Upn_AtEntrasLimit_IsAccepted()
        {
            Assert.Equal(UserKey.MaxUserPrincipalNameLength, LongestUpn.Length);

            Assert.True(UserKey.TryParse(LongestUpn, new InputOrigin(1), out var key, out var error));
            Assert.Equal(LongestUpn, key);
            Assert.Null(error);
        }

        [Fact]
        public void Upn_OnePastEntrasLimit_IsRefusedNamingTheInput()
        {
            var tooLong = "x" + LongestUpn;

            Assert.False(UserKey.TryParse(tooLong, new InputOrigin(7), out _, out var error));
            Assert.Equal("UserIdMalformed", error!.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
            Assert.Equal(tooLong, error.Target);
            Assert.Equal(
                $"Input 7: '{tooLong.Substring(0, 40)}...' (114 characters) is longer than a user principal name can be: Microsoft Entra ID allows at most 113.",
                error.Message);
        }

        [Fact]
        public void Empty_WithItsPosition_SaysWhichInput()
        {
            Assert.False(UserKey.TryParse("  ", new InputOrigin(3), out _, out var error));

            Assert.Equal("UserIdEmpty", error!.ErrorId);
            Assert.Equal("Input 3: the user id is empty.", error.Message);
        }

        [Fact]
        public void Empty_WithoutAnOrigin_KeepsTheBareMessage()
        {
            Assert.False(UserKey.TryParse(null, out _, out var error));

            Assert.Equal("The user id is empty.", error!.Message);
            Assert.Equal(string.Empty, error.Target);
        }

        [Fact]
        public void EmptyProperty_OfARow_NamesThePropertyAndWhatElseTheRowCarried()
        {
            var row = new InputOrigin(2, "UserPrincipalName", "DisplayName 'Grace Taylor', Department 'Ops'");

            Assert.False(UserKey.TryParse(string.Empty, row, out _, out var error));

            Assert.Equal("Input 2 (DisplayName 'Grace Taylor', Department 'Ops'): its UserPrincipalName is empty, so it names no user.", error!.Message);
        }

        [Fact]
        public void Hashtable_SaysSoAndWhichKeysAreLookedFor()
        {
            var table = new InputOrigin(4, hashtableKeys: new[] { "Upn_", "Name" });

            Assert.False(UserKey.TryParse("System.Collections.Hashtable", table, out _, out var error));

            Assert.Equal("UserIdMalformed", error!.ErrorId);
            Assert.Equal(
                "Input 4 is a hashtable (its keys: Upn_, Name). PowerShell binds a hashtable as one value, not by its keys, so it does not name a user; the keys looked for are Id, UserPrincipalName, UPN and ObjectId.",
                error.Message);
            Assert.Contains("[pscustomobject]@{ UserPrincipalName = ", error.RecommendedAction);
        }

        [Fact]
        public void HashtableText_FromTheParameter_IsStillSaidToBeAHashtable()
        {
            Assert.False(UserKey.TryParse("System.Collections.Hashtable", out _, out var error));

            Assert.StartsWith("The input is a hashtable. ", error!.Message);
        }

        [Fact]
        public void TextThatMerelyMentionsAHashtable_IsJustMalformed()
        {
            Assert.False(UserKey.TryParse("System.Collections.Hashtables", new InputOrigin(1), out _, out var error));

            Assert.Equal("Input 1: 'System.Collections.Hashtables' is neither an object id (GUID) nor a user principal name (name@domain).", error!.Message);
        }

        [Fact]
        public void Guid_IsAcceptedWhateverItsLengthAsText()
        {
            Assert.True(UserKey.TryParse("{D8E3A0C4-1B6F-4C1E-9A44-0D7B2B6C1F11}", new InputOrigin(1), out var key, out _));
            Assert.Equal("d8e3a0c4-1b6f-4c1e-9a44-0d7b2b6c1f11", key);
        }
    }
}
