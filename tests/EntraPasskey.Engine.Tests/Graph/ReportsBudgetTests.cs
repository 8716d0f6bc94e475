using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Graph;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>The reports budget (5 requests per 10 s) on a clock the test moves, so nothing sleeps.</summary>
    public sealed class ReportsBudgetTests
    {
        private DateTimeOffset _now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        private readonly List<TimeSpan> _waits = new List<TimeSpan>();

        private ReportsBudget Budget() => new ReportsBudget(() => _now, (wait, _) =>
        {
            _waits.Add(wait);
            _now += wait;
            return Task.CompletedTask;
        });

        [Fact]
        public async Task FiveTurnsInTenSeconds_GoAtOnce()
        {
            var budget = Budget();

            for (var i = 0; i < ReportsBudget.Requests; i++)
            {
                await budget.WaitTurnAsync(CancellationToken.None);
                _now += TimeSpan.FromSeconds(1);
            }

            Assert.Empty(_waits);
        }

        [Fact]
        public async Task SixthTurn_WaitsUntilTheFirstLeavesTheWindow()
        {
            var budget = Budget();
            var start = _now;

            for (var i = 0; i < ReportsBudget.Requests + 1; i++)
            {
                await budget.WaitTurnAsync(CancellationToken.None);
            }

            Assert.Equal(new[] { ReportsBudget.Window + ReportsBudget.Slack }, _waits);
            Assert.Equal(start + ReportsBudget.Window + ReportsBudget.Slack, _now);
        }

        [Theory]
        [InlineData(0, 0)]
        [InlineData(-1, 1)]
        public async Task SixthTurn_AtTheWindowAndItsSlack_GoesAtOnce_ATickEarlierWaitsThatTick(long ticksFromEdge, long expectedWaitTicks)
        {
            // The slack covers a request that arrives later than another sent after it: the sixth goes only once the
            // first is a window and the slack old.
            var budget = Budget();
            for (var i = 0; i < ReportsBudget.Requests; i++)
            {
                await budget.WaitTurnAsync(CancellationToken.None);
            }

            _now += ReportsBudget.Window + ReportsBudget.Slack + TimeSpan.FromTicks(ticksFromEdge);
            await budget.WaitTurnAsync(CancellationToken.None);

            Assert.Equal(expectedWaitTicks == 0 ? Array.Empty<TimeSpan>() : new[] { TimeSpan.FromTicks(expectedWaitTicks) }, _waits);
        }

        [Fact]
        public async Task ElevenTurns_TakeTwoWindows()
        {
            var budget = Budget();
            var start = _now;

            for (var i = 0; i < (2 * ReportsBudget.Requests) + 1; i++)
            {
                await budget.WaitTurnAsync(CancellationToken.None);
            }

            Assert.Equal(start + (2 * (ReportsBudget.Window + ReportsBudget.Slack)), _now);
        }

        [Fact]
        public async Task Cancelled_StopsWaiting()
        {
            var budget = new ReportsBudget(() => _now);
            for (var i = 0; i < ReportsBudget.Requests; i++)
            {
                await budget.WaitTurnAsync(CancellationToken.None);
            }

            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => budget.WaitTurnAsync(cancelled.Token));
        }
    }
}
