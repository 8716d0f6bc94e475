using EntraPasskey.Engine.Diagnosis;
using Xunit;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>Per-user sign-in reads against the rest of the tenant's window: whichever costs fewer reports requests.</summary>
    public sealed class SignInSourceChoiceTests
    {
        [Fact]
        public void WindowAlreadyRead_IsUsed()
        {
            Assert.True(SignInSourceChoice.PreferTenantWindow(pagesLeft: 0, perUserReadsSoFar: 0, usersInChunk: 1, usersLeft: 1));
        }

        [Fact]
        public void KnownRun_MoreUsersLeftThanPages_ReadsTheWindow()
        {
            Assert.True(SignInSourceChoice.PreferTenantWindow(pagesLeft: 30, perUserReadsSoFar: 5, usersInChunk: 6, usersLeft: 31));
        }

        [Fact]
        public void KnownRun_AsManyUsersLeftAsPages_ReadsPerUser()
        {
            Assert.False(SignInSourceChoice.PreferTenantWindow(pagesLeft: 30, perUserReadsSoFar: 5, usersInChunk: 6, usersLeft: 30));
        }

        [Fact]
        public void KnownRun_TwentyTicketsInABusyTenant_ReadsPerUser()
        {
            Assert.False(SignInSourceChoice.PreferTenantWindow(pagesLeft: 1000, perUserReadsSoFar: 5, usersInChunk: 6, usersLeft: 20));
        }

        [Fact]
        public void UsersStillArriving_ThisChunkPerUserWouldCostMoreThanTheWindow_ReadsTheWindow()
        {
            Assert.True(SignInSourceChoice.PreferTenantWindow(pagesLeft: 30, perUserReadsSoFar: 25, usersInChunk: 6, usersLeft: null));
        }

        [Fact]
        public void UsersStillArriving_ThisChunkPerUserCostsNoMoreThanTheWindow_KeepsReadingPerUser()
        {
            Assert.False(SignInSourceChoice.PreferTenantWindow(pagesLeft: 30, perUserReadsSoFar: 24, usersInChunk: 6, usersLeft: null));
        }

        [Fact]
        public void UsersStillArriving_AFirstPageThatFailedForAPassingReason_NeverCommitsToTheWindow()
        {
            Assert.False(SignInSourceChoice.PreferTenantWindow(pagesLeft: int.MaxValue, perUserReadsSoFar: int.MaxValue - 1, usersInChunk: 6, usersLeft: null));
        }
    }
}
