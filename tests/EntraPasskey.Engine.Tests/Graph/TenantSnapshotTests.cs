using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Graph
{
    /// <summary>The tenant-wide evidence as read from the simulator's sample policy.</summary>
    public sealed class TenantSnapshotTests : IClassFixture<SimulatorFixture>
    {
        private readonly SimulatorFixture _sim;

        public TenantSnapshotTests(SimulatorFixture sim)
        {
            _sim = sim;
        }

        [Fact]
        public async Task ReadTenant_SamplePolicy_MapsFido2TargetsWithGroupNames()
        {
            var tenant = await ReadAsync();

            Assert.True(tenant.Fido2.Enabled);
            Assert.True(tenant.Fido2.IsSelfServiceRegistrationAllowed);
            Assert.Equal(PolicyMigrationState.MigrationComplete, tenant.MigrationState);
            var include = Assert.Single(tenant.Fido2.IncludeTargets);
            Assert.Equal("Passkey Users", tenant.Group(include.Id).DisplayName);
            Assert.Equal("Passkey Exclusions", tenant.Group(Assert.Single(tenant.Fido2.ExcludeTargets).Id).DisplayName);
        }

        [Fact]
        public async Task ReadTenant_SamplePolicy_MapsTheTemporaryAccessPassSettings()
        {
            var tenant = await ReadAsync();

            Assert.NotNull(tenant.Tap);
            Assert.True(tenant.Tap!.Enabled);
            Assert.Equal(60, tenant.Tap.MinimumLifetimeInMinutes);
            Assert.Equal(480, tenant.Tap.MaximumLifetimeInMinutes);
            Assert.True(tenant.Tap.IsUsableOnce);
            Assert.Equal("TAP Onboarding", tenant.Group(Assert.Single(tenant.Tap.IncludeTargets).Id).DisplayName);
        }

        private async Task<TenantSnapshot> ReadAsync()
        {
            using var connection = await _sim.ConnectAsync();
            return await new GraphReader(connection.Graph, new EngineLog(), () => System.DateTimeOffset.UtcNow).ReadTenantAsync(CancellationToken.None);
        }
    }
}
