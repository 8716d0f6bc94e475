using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>Group memberships in bulk: the tested groups' members read once, when the run is big enough to pay for them.</summary>
    public sealed class GroupPlanTests
    {
        private const string Members = "/transitiveMembers/graph.user";

        [Theory]
        [InlineData(new[] { 999 }, 4)]
        [InlineData(new[] { 1000 }, 8)]
        [InlineData(new[] { 0, 999, 1998 }, 16)]
        public void Cost_IsFourUnitsAPageOf999_AtLeastOnePageAGroup(int[] users, long expected)
        {
            Assert.Equal(expected, GroupPlan.CostOf(users.Select(u => (int?)u)));
        }

        [Theory]
        [InlineData(16, 16, true)]
        [InlineData(15, 16, false)]
        public void Members_AreReadOnceTheUsersCostAsMuch_NotAUserBefore(int users, long cost, bool worth)
        {
            Assert.Equal(worth, GroupPlan.WorthReading(users, cost));
        }

        /// <summary>The cheaper plan's threshold, on its edge: the 59th user never counts the groups, the 60th does and (worth it) reads them.</summary>
        [Theory]
        [InlineData(59, false)]
        [InlineData(60, true)]
        public async Task TheCheaperPlan_IsChosenAtTheSixtiethUser_NotTheFiftyNinth(int users, bool cheaper)
        {
            await using var host = await PlannerHarness.StartAsync(users: 100);
            using var connection = await PlannerHarness.ConnectAsync(host);
            var log = new EngineLog();
            var plan = new GroupPlan(connection, new TenantReader(connection, log).ReadTenantAsync, log, CancellationToken.None);

            for (var user = 1; user <= users; user++)
            {
                plan.Users(user);
            }

            // The count may start the member read: wait until nothing is left running.
            while (plan.Running.Any(t => !t.IsCompleted))
            {
                await Task.WhenAll(plan.Running);
            }

            Assert.Equal(cheaper, plan.Ready != null);
            Assert.Equal(cheaper, host.Requests.Any(r => r.InBatch && r.Path.Contains("/transitiveMembers", StringComparison.Ordinal) && r.Path.Contains("count", StringComparison.OrdinalIgnoreCase)));
            Assert.Equal(cheaper, host.Requests.Any(r => r.Path.Contains(Members, StringComparison.Ordinal) && !r.Path.Contains("count", StringComparison.OrdinalIgnoreCase)));
        }

        [Fact]
        public async Task ABulkRun_ReadsEachTestedGroupsMembersOnce_ThenStopsReadingEachUsersGroups_WithTheSameVerdicts()
        {
            const int Users = 400;
            await using var host = await PlannerHarness.StartAsync(users: Users);
            var ids = await PlannerHarness.UserIdsAsync(host);
            using var connection = await PlannerHarness.ConnectAsync(host);

            var bulk = SimulatorFixture.DiagnoseAll(connection, ids);
            var log = host.Requests;
            var sample = ids.Skip(Users - 15).ToList();
            var oneByOne = sample.Select(id => SimulatorFixture.DiagnoseAll(connection, new[] { id }).Single()).ToList();

            var firstPages = log.Where(r => r.Path.Contains(Members, StringComparison.Ordinal) && !r.Path.Contains("skiptoken", StringComparison.OrdinalIgnoreCase) && !r.Path.Contains("count", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.NotEmpty(firstPages);
            Assert.Equal(firstPages.Count, firstPages.Select(r => r.Path.Split('?')[0]).Distinct().Count());
            var ownGroups = log.Where(r => r.InBatch && r.Path.Contains("/transitiveMemberOf", StringComparison.Ordinal)).ToList();
            // Without latency the first chunks outrun the member read; every user after it skips their own groups.
            Assert.InRange(ownGroups.Count, 1, Users - sample.Count);
            Assert.DoesNotContain(ownGroups, r => sample.Any(id => r.Path.Contains(id, StringComparison.OrdinalIgnoreCase)));
            Assert.Equal(oneByOne.Select(r => PlannerHarness.Signature(r.Diagnosis!)), bulk.Skip(Users - 15).Select(r => PlannerHarness.Signature(r.Diagnosis!)));
            Assert.Contains(bulk.Skip(Users - 15), r => r.Diagnosis!.ReasonCode is "UserExcluded" or "UserNotTargeted" or "GuestUser");
        }

        [Fact]
        public async Task AFewTickets_NeverCountOrReadTheGroups()
        {
            await using var host = await PlannerHarness.StartAsync(users: 100);
            var ids = (await PlannerHarness.UserIdsAsync(host)).Take(GroupPlan.ProbeAfterUsers - 1).ToList();
            using var connection = await PlannerHarness.ConnectAsync(host);

            var results = SimulatorFixture.DiagnoseAll(connection, ids);

            Assert.All(results, r => Assert.NotNull(r.Diagnosis));
            Assert.DoesNotContain(host.Requests, r => r.Path.Contains("/transitiveMembers", StringComparison.Ordinal));
            Assert.Equal(ids.Count, host.Requests.Count(r => r.InBatch && r.Path.Contains("/transitiveMemberOf", StringComparison.Ordinal)));
        }
    }
}
