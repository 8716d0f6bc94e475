using System;
using EntraPasskey.Engine.Audit;
using Xunit;

namespace EntraPasskey.Engine.Tests.Audit
{
    public sealed class ReportWindowTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddMilliseconds(400);

        [Fact]
        public void LastDays_EndsAtNowRoundedUpToTheSecond()
        {
            var window = ReportWindow.LastDaysBefore(7, Now);

            Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 1, TimeSpan.Zero), window.Until);
            Assert.Equal(window.Until.AddDays(-7), window.Since);
            Assert.Equal(7, window.LastDays);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(31)]
        public void LastDays_OutsideOneToThirty_IsWindowTooWide(int days)
        {
            var error = Assert.Throws<EntraPasskeyException>(() => ReportWindow.LastDaysBefore(days, Now));

            Assert.Equal("WindowTooWide", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        }

        [Fact]
        public void Between_ThirtyDaysExactly_IsAllowed()
        {
            var since = Now.AddDays(-30).AddSeconds(-0.4);

            Assert.Null(ReportWindow.Between(since, since.AddDays(30), Now).LastDays);
        }

        [Fact]
        public void Between_MoreThanThirtyDays_IsWindowTooWideNamingTheLimit()
        {
            var error = Assert.Throws<EntraPasskeyException>(() => ReportWindow.Between(Now.AddDays(-31), null, Now));

            Assert.Equal("WindowTooWide", error.ErrorId);
            Assert.Contains("at most 30 days", error.Message);
        }

        [Fact]
        public void Between_UntilBeforeSince_IsWindowInvalid()
        {
            var error = Assert.Throws<EntraPasskeyException>(() => ReportWindow.Between(Now.AddDays(-2), Now.AddDays(-3), Now));

            Assert.Equal("WindowInvalid", error.ErrorId);
        }

        [Fact]
        public void Between_SinceInTheFuture_IsWindowInvalid()
        {
            Assert.Equal("WindowInvalid", Assert.Throws<EntraPasskeyException>(() => ReportWindow.Between(Now.AddHours(1), null, Now)).ErrorId);
        }

        [Fact]
        public void Between_LocalTimes_AreReadAsUtc()
        {
            var since = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(2));

            Assert.Equal("2026-03-01T08:00:00Z", ReportWindow.Text(ReportWindow.Between(since, null, Now).Since));
        }

        [Fact]
        public void Retained_CutsTheWindowToWhatTheLogKeeps()
        {
            var window = ReportWindow.LastDaysBefore(30, Now);

            var retained = window.Retained(7, Now);

            Assert.Equal(new DateTimeOffset(2026, 2, 23, 9, 0, 0, TimeSpan.Zero), retained.Since);
            Assert.Equal(window.Until, retained.Until);
            Assert.Same(window, window.Retained(30, Now));
        }

        [Fact]
        public void Retained_WindowEntirelyOlder_IsEmpty()
        {
            var window = ReportWindow.Between(Now.AddDays(-20), Now.AddDays(-10), Now);

            Assert.True(window.Retained(7, Now).IsEmpty);
        }
    }
}
