using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>How many pages the rest of the tenant's window will take, judged from the pages read so far.</summary>
    public sealed class TenantSignInsTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        private static readonly TimeSpan Day = TimeSpan.FromDays(1);

        [Fact]
        public void FirstPageCoveringSixHoursOfADay_LeavesThreePages()
        {
            var read = new TenantSignIns(Now, Day, "page-1");
            read.StartPage("page-1");
            read.Add("u1", UserBuilder.SingleFactorSignIn(Now.AddMinutes(-5), id: "a"));
            read.Add("u2", UserBuilder.SingleFactorSignIn(Now.AddHours(-6), id: "b"));
            read.EndPage("page-2");

            Assert.Equal(3, read.EstimatedPagesLeft);
            Assert.False(read.IsComplete);
        }

        [Fact]
        public void FirstPageIsTheLast_LeavesNone()
        {
            var read = new TenantSignIns(Now, Day, "page-1");
            read.StartPage("page-1");
            read.Add("u1", UserBuilder.SingleFactorSignIn(Now.AddHours(-20), id: "a"));
            read.EndPage(null);

            Assert.Equal(0, read.EstimatedPagesLeft);
            Assert.True(read.IsComplete);
        }

        [Fact]
        public void FirstPageNearlyCoversTheDay_StillLeavesOne()
        {
            var read = new TenantSignIns(Now, Day, "page-1");
            read.StartPage("page-1");
            read.Add("u1", UserBuilder.SingleFactorSignIn(Now.AddHours(-23.9), id: "a"));
            read.EndPage("page-2");

            Assert.Equal(1, read.EstimatedPagesLeft);
        }

        [Fact]
        public void FirstPageAllOfThisInstant_SaysNothingOfThePace_SoTheRestCountsAsHuge()
        {
            var read = new TenantSignIns(Now, Day, "page-1");
            read.StartPage("page-1");
            read.Add("u1", UserBuilder.SingleFactorSignIn(Now, id: "a"));
            read.EndPage("page-2");

            Assert.Equal(int.MaxValue, read.EstimatedPagesLeft);
        }

        [Fact]
        public void SamePageTwice_IsRefused()
        {
            var read = new TenantSignIns(Now, Day, "page-1");

            Assert.True(read.StartPage("page-1"));
            Assert.False(read.StartPage("page-1"));
        }

        [Fact]
        public void FailedForGood_NoPermission_LeavesNothingToRead()
        {
            var read = new TenantSignIns(Now, Day, "page-1");
            read.StartPage("page-1");
            read.Fail(new EvidenceGap("Permission denied.", "AuditLog.Read.All", Lasting: true));

            Assert.Equal(0, read.EstimatedPagesLeft);
        }

        [Fact]
        public void FailedForAPassingReason_CountsAsEndless_SoUsersKeepReadingTheirOwn()
        {
            var read = new TenantSignIns(Now, Day, "page-1");
            read.StartPage("page-1");
            read.Fail(new EvidenceGap("Microsoft Graph timed out.", null));

            Assert.Equal(int.MaxValue, read.EstimatedPagesLeft);
        }

        [Fact]
        public void RowsWithoutAUser_StillShowHowFarBackThePageReached()
        {
            var read = new TenantSignIns(Now, Day, "page-1");
            read.StartPage("page-1");
            read.See(Now.AddHours(-12));
            read.EndPage("page-2");

            Assert.Equal(1, read.EstimatedPagesLeft);
        }

        [Fact]
        public void Failed_IsCompleteAndEveryUserGetsTheGap()
        {
            var read = new TenantSignIns(Now, Day, "page-1");
            read.StartPage("page-1");
            read.Fail(new EvidenceGap("No licence.", "AuditLog.Read.All"));

            Assert.True(read.IsComplete);
            Assert.Equal("No licence.", read.ToWindow().For("anyone").Gap!.Why);
        }
    }
}
