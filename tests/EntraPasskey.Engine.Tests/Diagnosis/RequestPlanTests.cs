using System;
using System.Linq;
using System.Threading.Tasks;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Diagnosis
{
    /// <summary>The request plan of a run, read from the simulator's request log.</summary>
    public sealed class RequestPlanTests
    {
        private const string MethodsPolicy = "/v1.0/policies/authenticationMethodsPolicy";
        private const string SignIns = "/beta/auditLogs/signIns";

        [Fact]
        public async Task OneUser_SixRequestsInTwoRoundTrips_EachTenantReadOnce()
        {
            await using var host = await PlannerHarness.StartAsync(users: 60);
            var ids = await PlannerHarness.UserIdsAsync(host);
            using var connection = await PlannerHarness.ConnectAsync(host);

            var result = SimulatorFixture.DiagnoseAll(connection, new[] { ids[30] }).Single();

            Assert.NotNull(result.Diagnosis);
            var log = host.Requests;
            var topLevel = log.Where(r => !r.InBatch).Select(r => r.Path.Split('?')[0]).ToList();
            // Round trip 1, in parallel: the methods policy, security defaults, Conditional Access, the user's $batch
            // (account, methods, groups) and the user's sign-ins. Round trip 2: the names of the groups the policies
            // target, which need the policies first.
            Assert.Equal(6, topLevel.Count);
            Assert.Equal(1, topLevel.Count(p => p == MethodsPolicy));
            Assert.Equal(1, topLevel.Count(p => p == "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy"));
            Assert.Equal(1, topLevel.Count(p => p == "/v1.0/identity/conditionalAccess/policies"));
            Assert.Equal(1, topLevel.Count(p => p == SignIns));
            Assert.Equal(2, topLevel.Count(p => p == "/v1.0/$batch"));
            var userItems = log.Where(r => r.InBatch && r.Path.Contains(ids[30], StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Equal(3, userItems.Count);
            Assert.Single(userItems.Select(r => r.BatchRequestId).Distinct());
        }

        [Fact]
        public async Task TwoHundredUsers_FullBatches_SignInsReadOnceForTheTenant_AtMostThreeResourceUnitsEach()
        {
            const int Users = 200;
            await using var host = await PlannerHarness.StartAsync(users: Users);
            var ids = await PlannerHarness.UserIdsAsync(host);
            using var connection = await PlannerHarness.ConnectAsync(host);

            var results = SimulatorFixture.DiagnoseAll(connection, ids);

            Assert.Equal(Users, results.Count(r => r.Diagnosis != null));
            var log = host.Requests;
            var userBatches = log.Where(r => r.InBatch && r.Path.Contains("/authentication/methods", StringComparison.Ordinal)).Select(r => r.BatchRequestId).Distinct().Count();
            var fullBatches = (int)Math.Ceiling(Users / (double)UserReader.UsersPerBatch);
            // The first user goes out alone (nothing else is in flight yet); the rest fill batches as they queue, ten to
            // a batch once the tested groups' members are read (GroupPlanTests).
            Assert.InRange(userBatches, (int)Math.Ceiling(Users / (double)UserReader.UsersPerBatchWithMembership), fullBatches + 1);
            Assert.Equal(1, log.Count(r => r.Path.StartsWith(MethodsPolicy, StringComparison.Ordinal)));
            Assert.Equal(1, log.Count(r => r.Budget == "conditionalAccess"));
            var signInReads = log.Where(r => r.Path.StartsWith(SignIns, StringComparison.Ordinal)).ToList();
            Assert.InRange(signInReads.Count(r => r.Path.Contains("userId%20eq", StringComparison.Ordinal)), 1, SignInPlan.PerUserBurst);
            Assert.Single(signInReads, r => !r.Path.Contains("userId%20eq", StringComparison.Ordinal) && !r.Path.Contains("skiptoken", StringComparison.OrdinalIgnoreCase));
            var perUserItems = log.Where(r => r.InBatch && r.Path.StartsWith("/v1.0/users/", StringComparison.Ordinal)).ToList();
            Assert.Equal(perUserItems.Count, perUserItems.Select(r => r.Path).Distinct().Count());
            var unitsPerUser = log.Where(r => r.Budget == "identity").Sum(r => r.ResourceUnits) / (double)Users;
            // Three per user at most, plus counting and reading the tested groups once (GroupPlanTests): under 30 units.
            Assert.True(unitsPerUser <= 3.25, $"{unitsPerUser:F2} resource units per user");
        }

        [Fact]
        public async Task SixUsers_ReadTheirOwnSignIns_WithoutTouchingTheTenantsWindow()
        {
            // The run's size is known once input ends: six users are a handful, not worth even a first page.
            await using var host = await PlannerHarness.StartAsync(users: 60);
            var ids = (await PlannerHarness.UserIdsAsync(host)).Take(6).ToList();
            using var connection = await PlannerHarness.ConnectAsync(host);

            var results = SimulatorFixture.DiagnoseAll(connection, ids);

            Assert.All(results, r => Assert.NotNull(r.Diagnosis));
            var signInReads = host.Requests.Where(r => r.Path.StartsWith(SignIns, StringComparison.Ordinal)).ToList();
            Assert.Equal(ids.Count, signInReads.Count);
            Assert.All(signInReads, r => Assert.Contains("userId%20eq", r.Path, StringComparison.Ordinal));
        }

        [Fact]
        public async Task TenUsersInABusyTenant_ReadTheirOwnSignIns_NotTheTenantsWholeDay()
        {
            // Pages of 5 sign-ins make the generated tenant's day (about 130 sign-ins) some 26 pages: ten tickets are
            // cheaper read one by one, so only the first page of the tenant's window is read, to learn that.
            await using var host = await PlannerHarness.StartAsync(users: 300);
            var ids = (await PlannerHarness.UserIdsAsync(host)).Take(10).ToList();
            using var connection = await PlannerHarness.ConnectAsync(host);

            var results = SimulatorFixture.DiagnoseAll(connection, ids, signInPageSize: 5);

            Assert.Equal(ids, results.Select(r => r.Input));
            Assert.All(results, r => Assert.NotNull(r.Diagnosis));
            var signInReads = host.Requests.Where(r => r.Path.StartsWith(SignIns, StringComparison.Ordinal)).ToList();
            Assert.Equal(ids.Count, signInReads.Count(r => r.Path.Contains("userId%20eq", StringComparison.Ordinal)));
            var tenantReads = signInReads.Where(r => !r.Path.Contains("userId%20eq", StringComparison.Ordinal)).ToList();
            var firstPage = Assert.Single(tenantReads);
            Assert.DoesNotContain("skiptoken", firstPage.Path, StringComparison.OrdinalIgnoreCase);
        }

        [Fact]
        public async Task TwoHundredUsersOverAFewPages_ReadTheTenantsWindowToTheEnd()
        {
            // Pages of 50: the day is about three pages, far fewer than 200 per-user reads.
            await using var host = await PlannerHarness.StartAsync(users: 200);
            var ids = await PlannerHarness.UserIdsAsync(host);
            using var connection = await PlannerHarness.ConnectAsync(host);

            var results = SimulatorFixture.DiagnoseAll(connection, ids, signInPageSize: 50);

            Assert.Equal(ids.Count, results.Count(r => r.Diagnosis != null));
            var signInReads = host.Requests.Where(r => r.Path.StartsWith(SignIns, StringComparison.Ordinal)).ToList();
            Assert.InRange(signInReads.Count(r => r.Path.Contains("userId%20eq", StringComparison.Ordinal)), 1, SignInPlan.PerUserBurst);
            var tenantPages = signInReads.Where(r => !r.Path.Contains("userId%20eq", StringComparison.Ordinal)).ToList();
            Assert.InRange(tenantPages.Count, 2, 6);
            // The first user reads their own, so the first verdict never waits for the tenant's pages.
            Assert.Contains(signInReads, r => r.Path.Contains("userId%20eq", StringComparison.Ordinal) && r.Path.Contains(ids[0], StringComparison.OrdinalIgnoreCase));
            Assert.Equal(tenantPages.Count - 1, tenantPages.Count(r => r.Path.Contains("skiptoken", StringComparison.OrdinalIgnoreCase)));
        }
    }
}
