using System.Linq;
using EntraPasskey.Engine.Rules;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>A summary is read aloud: at most two lines of a 120-column console, the detail left to the finding.</summary>
    public sealed class SummaryTextTests
    {
        private const string Lead = "Blocked at layer 3 (MFA bootstrap): ";

        [Fact]
        public void Headline_ThatFits_IsKeptWhole()
        {
            var headline = new string('a', SummaryText.MaxLength - Lead.Length - 1) + ".";

            var summary = SummaryText.Compose(Lead, headline);

            Assert.Equal(Lead + headline, summary);
            Assert.Equal(SummaryText.MaxLength, summary.Length);
        }

        [Fact]
        public void Headline_OneCharacterTooLong_KeepsItsFirstSentence()
        {
            var first = "Policy 'A. B' requires version 121.0 on Android.";
            var headline = first + " B" + new string('b', SummaryText.MaxLength - Lead.Length - first.Length - 1);

            Assert.Equal(SummaryText.MaxLength + 1, Lead.Length + headline.Length);
            Assert.Equal(Lead + first, SummaryText.Compose(Lead, headline));
        }

        [Fact]
        public void OneLongSentence_KeepsItsFirstClause()
        {
            var headline = "Lee Gu is excluded; " + string.Join(" ", Enumerable.Repeat("because", 40)) + ".";

            Assert.Equal(Lead + "Lee Gu is excluded.", SummaryText.Compose(Lead, headline));
        }

        [Fact]
        public void OneLongClause_IsCutAtAWordWithinTheLimit()
        {
            var headline = string.Join(" ", Enumerable.Repeat("word", 80)) + ".";

            var summary = SummaryText.Compose(Lead, headline);

            Assert.True(summary.Length <= SummaryText.MaxLength, summary);
            Assert.EndsWith(" word...", summary);
        }

        [Fact]
        public void AsideWithAnId_IsLeftToTheFinding()
        {
            var headline = "YubiKey Bio (d8522d9f-575b-4866-88a9-ba99fa02f35b) is not on the allow list (targets: group 0f4f19b3-5b3b-4969-abb4-c1ddb1345c6a, now deleted).";

            Assert.Equal(Lead + "YubiKey Bio is not on the allow list.", SummaryText.Compose(Lead, headline));
        }

        [Fact]
        public void AsideWithoutAnId_IsKept()
        {
            Assert.Equal(Lead + "Passkey (FIDO2) is disabled (since 2026-12-01).", SummaryText.Compose(Lead, "Passkey (FIDO2) is disabled (since 2026-12-01)."));
        }

        [Fact]
        public void Tail_IsDroppedWhenItWouldNotFit()
        {
            var headline = new string('a', SummaryText.MaxLength - Lead.Length - 10) + ".";

            Assert.Equal(Lead + headline, SummaryText.Compose(Lead, headline, " Layer 4 is unknown (SignInLogsUnavailable)."));
            Assert.Equal(Lead + "Short. Aside.", SummaryText.Compose(Lead, "Short.", " Aside."));
        }
    }
}
