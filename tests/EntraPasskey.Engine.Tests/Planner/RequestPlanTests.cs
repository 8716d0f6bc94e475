using System;
using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Planner
{
    /// <summary>
    /// The request plan of a run, read from the simulator's request log. Bounds are what today's planner already meets;
    /// a better plan still passes, a worse one fails.
    /// </summary>
    public sealed class RequestPlanTests
    {
        // The generated tenant's policy names four target groups: two FIDO2 includes, one exclude, one TAP include.
        private const int TargetGroups = 4;

        [Fact]
        public async Task OneUser_ThreeHttpRequests_PolicyOnce_UserReadsInOneBatch()
        {
            await using var host = await PlannerHarness.StartAsync(users: 60);
            var ids = await PlannerHarness.UserIdsAsync(host);
            using var connection = await PlannerHarness.ConnectAsync(host);

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { ids[30] }).Single();

            Assert.NotNull(result.Diagnosis);
            var log = host.Requests;
            var topLevel = log.Where(r => !r.InBatch).ToList();
            Assert.True(topLevel.Count <= 3, $"one user took {topLevel.Count} HTTP requests");
            Assert.Equal(1, log.Count(r => r.Path.StartsWith("/v1.0/policies/authenticationMethodsPolicy", StringComparison.Ordinal)));
            var userItems = log.Where(r => r.InBatch && r.Path.Contains(ids[30], StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Single(userItems.Select(r => r.BatchRequestId).Distinct());
            Assert.True(log.Sum(r => r.ResourceUnits) <= 1 + 3 + TargetGroups, $"one user cost {log.Sum(r => r.ResourceUnits)} resource units");
        }

        [Fact]
        public async Task TwoHundredUsers_EachReadOnce_InBatches_AtMostThreeResourceUnitsEach()
        {
            const int Users = 200;
            await using var host = await PlannerHarness.StartAsync(users: Users);
            var ids = await PlannerHarness.UserIdsAsync(host);
            using var connection = await PlannerHarness.ConnectAsync(host);

            var results = SimulatorFixture.DiagnoseAll(connection, ids);

            Assert.Equal(Users, results.Count(r => r.Diagnosis != null));
            var log = host.Requests;
            var topLevel = log.Where(r => !r.InBatch).ToList();
            // Today 39: 1 policy GET, 1 batch of target-group names, and 37 user batches (the first users to arrive
            // go out in part-filled batches before the rest queue up; full batches would need 34).
            Assert.True(topLevel.Count <= Users / 5, $"{topLevel.Count} HTTP requests for {Users} users");
            Assert.All(topLevel.Where(r => !r.Path.StartsWith("/v1.0/policies/", StringComparison.Ordinal)), r => Assert.Equal("/v1.0/$batch", r.Path));
            Assert.Equal(1, log.Count(r => r.Path.StartsWith("/v1.0/policies/authenticationMethodsPolicy", StringComparison.Ordinal)));
            var perUserItems = log.Where(r => r.InBatch && r.Path.StartsWith("/v1.0/users/", StringComparison.Ordinal)).ToList();
            Assert.Equal(perUserItems.Count, perUserItems.Select(r => r.Path).Distinct().Count());
            var unitsPerUser = log.Sum(r => r.ResourceUnits) / (double)Users;
            Assert.True(unitsPerUser <= 3.1, $"{unitsPerUser:F2} resource units per user");
            Assert.DoesNotContain(log, r => r.Budget == "reports" || r.Budget == "conditionalAccess");
        }
    }
}
