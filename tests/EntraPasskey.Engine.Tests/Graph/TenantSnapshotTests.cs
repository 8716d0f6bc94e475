using System.Linq;
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
            Assert.Equal("Passkey Users", tenant.Group(tenant.Fido2.IncludeTargets[0].Id).DisplayName);
            Assert.Equal("Passkey Exclusions", tenant.Group(Assert.Single(tenant.Fido2.ExcludeTargets).Id).DisplayName);
        }

        [Fact]
        public async Task ReadTenant_SamplePolicy_MapsPasskeyProfilesAndTheProfilesEachTargetNames()
        {
            var fido2 = (await ReadAsync()).Fido2;

            Assert.True(fido2.HasOptedIntoProfiles);
            Assert.Equal("466e3777-0f3f-40cc-8b7c-0072697d62db", fido2.DefaultPasskeyProfileId);
            Assert.Equal(new[] { "Default passkey profile", "Privileged passkeys", "Security keys only" }, fido2.PasskeyProfiles.Select(p => p.Name));
            var privileged = fido2.PasskeyProfiles[1];
            Assert.Equal(PasskeyTypes.DeviceBound, privileged.PasskeyTypes);
            Assert.Equal(AttestationEnforcement.RegistrationOnly, privileged.AttestationEnforcement);
            Assert.True(privileged.KeyRestrictions.IsEnforced);
            Assert.Equal(KeyRestrictionMode.Allow, privileged.KeyRestrictions.Mode);
            Assert.Equal(10, privileged.KeyRestrictions.Aaguids.Count);
            Assert.Equal(PasskeyTypes.DeviceBound | PasskeyTypes.Synced, fido2.PasskeyProfiles[0].PasskeyTypes);
            Assert.Equal(KeyRestrictionMode.Block, fido2.PasskeyProfiles[2].KeyRestrictions.Mode);
            Assert.Equal(new[] { privileged.Id }, fido2.IncludeTargets.Single(t => t.Id == "7c1e3b52-9a4d-4f6e-8b21-3d5a9c0e7f14").AllowedPasskeyProfiles);
            Assert.Empty(fido2.IncludeTargets.Single(t => t.Id == "e5d2a7c8-1f3b-4a69-8c4e-0b7d2f9a6e51").AllowedPasskeyProfiles);
            Assert.False(fido2.IsAttestationEnforced);
            Assert.False(fido2.LegacyKeyRestrictions.IsEnforced);
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
            return await new GraphReader(connection.Graph, new EngineLog()).ReadTenantAsync(CancellationToken.None);
        }
    }
}
