using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Graph;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>The identity budget (a full bucket of 8,000 resource units, refilled at 780 a second) on a clock the test moves.</summary>
    public sealed class IdentityBudgetTests
    {
        private DateTimeOffset _now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        private readonly List<TimeSpan> _waits = new List<TimeSpan>();

        private IdentityBudget Budget() => new IdentityBudget(() => _now, (wait, _) =>
        {
            _waits.Add(wait);
            _now += wait;
            return Task.CompletedTask;
        });

        [Fact]
        public async Task AFullBucket_GoesAtOnce_TheNextUnitWaitsItsRefill()
        {
            var budget = Budget();

            for (var i = 0; i < IdentityBudget.Capacity / 20; i++)
            {
                await budget.WaitAsync(20, CancellationToken.None);
            }

            Assert.Empty(_waits);
            await budget.WaitAsync(1, CancellationToken.None);
            Assert.Equal(1000 / IdentityBudget.Rate, _waits[0].TotalMilliseconds, 3);
        }

        [Theory]
        [InlineData(780, 0)]
        [InlineData(781, 1)]
        public async Task AfterASecond_TheRefillGoesAtOnce_OneUnitMoreWaits(int units, int waits)
        {
            var budget = Budget();
            await budget.WaitAsync(IdentityBudget.Capacity, CancellationToken.None);

            _now += TimeSpan.FromSeconds(1);
            await budget.WaitAsync(units, CancellationToken.None);

            Assert.Equal(waits, _waits.Count);
        }

        [Fact]
        public async Task ARun_NeverTakesMoreThanTheBucketAndItsRefill()
        {
            var budget = Budget();
            var start = _now;

            for (var i = 0; i < 2000; i++)
            {
                await budget.WaitAsync(20, CancellationToken.None);
            }

            // 40,000 units: 8,000 at once, the rest at 780 a second.
            Assert.Equal((40_000 - IdentityBudget.Capacity) / IdentityBudget.Rate, (_now - start).TotalSeconds, 1);
        }
    }
}
