using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
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

        /// <summary>The sample tenant's Passkey (FIDO2) configuration as the simulator serves it.</summary>
        private JsonObject SampleFido2() =>
            _sim.Document["authenticationMethodsPolicy"]!["authenticationMethodConfigurations"]!.AsArray().OfType<JsonObject>().Single(c => (string)c["id"]! == "Fido2");

        /// <summary>Names of the sample tenant's Conditional Access policies whose applications list <paramref name="value"/> under <paramref name="list"/>, in order.</summary>
        private IEnumerable<string> SamplePolicies(string list, string value) =>
            _sim.Document["conditionalAccessPolicies"]!.AsArray()
                .Where(p => p!["conditions"]!["applications"]![list]?.AsArray().Any(v => (string)v! == value) == true)
                .Select(p => (string)p!["displayName"]!);

        [Fact]
        public async Task ReadTenant_SamplePolicy_MapsFido2TargetsWithGroupNames()
        {
            var tenant = await ReadAsync();

            Assert.True(tenant.Fido2.Enabled);
            Assert.True(tenant.Fido2.IsSelfServiceRegistrationAllowed);
            Assert.Equal(PolicyMigrationState.MigrationComplete, tenant.MigrationState);
            Assert.Equal(SampleFido2()["includeTargets"]!.AsArray().Count, tenant.Fido2.IncludeTargets.Count);
            Assert.Equal("Passkey Users", tenant.Group(tenant.Fido2.IncludeTargets[0].Id).DisplayName);
            Assert.Equal(new[] { "Passkey Exclusions", "Passkey Pilot Opt-outs" }, tenant.Fido2.ExcludeTargets.Select(t => tenant.Group(t.Id).DisplayName));
        }

        [Fact]
        public async Task ReadTenant_SamplePolicy_MarksTheDeletedPilotGroupAndTheDirectUserTarget()
        {
            var tenant = await ReadAsync();

            var deleted = tenant.Group(tenant.Fido2.IncludeTargets[1].Id);
            Assert.False(deleted.Exists);
            Assert.Null(deleted.DisplayName);
            Assert.Equal(PolicyTargetKind.User, tenant.Fido2.IncludeTargets[2].Kind);
        }

        [Fact]
        public async Task ReadTenant_SampleTenant_ReadsSecurityDefaultsAndOnlyTheRegistrationPolicies()
        {
            var tenant = await ReadAsync();

            Assert.Equal(SecurityDefaults.Off, tenant.SecurityDefaults);
            Assert.Null(tenant.ConditionalAccess.Gap);
            var policies = tenant.ConditionalAccess.RegistrationPolicies;
            Assert.Equal(SamplePolicies("includeUserActions", "urn:user:registersecurityinfo"), policies.Select(p => p.DisplayName));
            var onboarding = policies[0];
            Assert.Equal("Register security info: new hires use a TAP or a passkey", onboarding.DisplayName);
            Assert.Equal(ConditionalAccessState.Enabled, onboarding.State);
            Assert.Equal("New Hires", tenant.Group(Assert.Single(onboarding.Users.IncludeGroups)).DisplayName);
            Assert.Equal(new[] { new[] { "temporaryAccessPassOneTime" }, new[] { "fido2" } }, onboarding.Grant.AuthenticationStrength!.AllowedCombinations);
            Assert.Equal(new[] { "compliantDevice" }, policies[1].Grant.BuiltInControls);
            Assert.Equal(new[] { "AllTrusted" }, policies[2].Conditions.ExcludeLocations);
            Assert.Equal(new[] { "62e90394-69f5-4237-9190-012177145e10" }, policies[3].Users.IncludeRoles);
            Assert.Equal(ConditionalAccessState.ReportOnly, policies[4].State);
            Assert.Equal(new[] { "block" }, policies[5].Grant.BuiltInControls);
            Assert.Equal("Registration Hold", tenant.Group(Assert.Single(policies[5].Users.IncludeGroups)).DisplayName);
        }

        [Fact]
        public async Task ReadTenant_SampleTenant_KeepsTheAllResourcesPoliciesApart()
        {
            var tenant = await ReadAsync();

            var policies = tenant.ConditionalAccess.AllResourcesPolicies;
            Assert.Equal(SamplePolicies("includeApplications", "All"), policies.Select(p => p.DisplayName));
            var approvers = policies[0];
            Assert.Equal("All resources: payments approvers sign in with phishing-resistant MFA", approvers.DisplayName);
            Assert.Equal(ConditionalAccessState.Enabled, approvers.State);
            Assert.Equal("Payments Approvers", tenant.Group(Assert.Single(approvers.Users.IncludeGroups)).DisplayName);
            Assert.Equal(new[] { new[] { "windowsHelloForBusiness" }, new[] { "fido2" }, new[] { "x509CertificateMultiFactor" } }, approvers.Grant.AuthenticationStrength!.AllowedCombinations);
            Assert.Empty(approvers.ExcludeApplications);
            var mobile = policies[1];
            Assert.Equal(new[] { "approvedApplication", "compliantApplication" }, mobile.Grant.BuiltInControls);
            Assert.Equal(new[] { "android", "iOS" }, mobile.Conditions.IncludePlatforms);
            Assert.Equal(new[] { "6aa00308-ea33-4caa-90d6-ae905d8cb51b" }, mobile.ExcludeApplications);
            var legacy = policies[2];
            Assert.Equal("All resources: block legacy authentication", legacy.DisplayName);
            Assert.Equal(new[] { "block" }, legacy.Grant.BuiltInControls);
            Assert.Equal(new[] { "exchangeActiveSync", "other" }, legacy.Conditions.ClientAppTypes);
            Assert.Equal(new[] { "all" }, policies[3].Conditions.ClientAppTypes);
            Assert.Equal(new[] { "AllTrusted" }, policies[4].Conditions.ExcludeLocations);
        }

        [Fact]
        public async Task ReadTenant_WithoutPolicyReadAll_ConditionalAccessAndSecurityDefaultsBecomeGapsNamingIt()
        {
            using var connection = await _sim.ConnectAsync("Policy.Read.AuthenticationMethod", "GroupMember.Read.All");
            var log = new EngineLog();

            var tenant = await new TenantReader(connection, log).ReadTenantAsync(CancellationToken.None);

            Assert.True(tenant.Fido2.Enabled);
            Assert.Equal("Policy.Read.All", tenant.ConditionalAccess.Gap!.MissingPermission);
            Assert.Null(tenant.SecurityDefaults.Enabled);
            Assert.Contains("Policy.Read.All", tenant.SecurityDefaults.Gap!.Why);
            Assert.True(log.TryTake(out _));
        }

        [Fact]
        public async Task ReadTenant_SamplePolicy_MapsPasskeyProfilesAndTheProfilesEachTargetNames()
        {
            var fido2 = (await ReadAsync()).Fido2;

            Assert.True(fido2.HasOptedIntoProfiles);
            Assert.Equal("00000000-0000-0000-0000-000000000001", fido2.DefaultPasskeyProfileId);
            Assert.Equal(new[] { "Default passkey profile", "Privileged passkeys", "Security keys only" }, fido2.PasskeyProfiles.Select(p => p.Name));
            var privileged = fido2.PasskeyProfiles[1];
            Assert.Equal(PasskeyTypes.DeviceBound, privileged.PasskeyTypes);
            Assert.Equal(AttestationEnforcement.RegistrationOnly, privileged.AttestationEnforcement);
            Assert.True(privileged.KeyRestrictions.IsEnforced);
            Assert.Equal(KeyRestrictionMode.Allow, privileged.KeyRestrictions.Mode);
            Assert.Equal(SampleFido2()["passkeyProfiles"]![1]!["keyRestrictions"]!["aaGuids"]!.AsArray().Count, privileged.KeyRestrictions.Aaguids.Count);
            Assert.Equal(PasskeyTypes.DeviceBound | PasskeyTypes.Synced, fido2.PasskeyProfiles[0].PasskeyTypes);
            Assert.Equal(KeyRestrictionMode.Block, fido2.PasskeyProfiles[2].KeyRestrictions.Mode);
            Assert.Equal(new[] { privileged.Id }, fido2.IncludeTargets.Single(t => t.Id == "7c1e3b52-9a4d-4f6e-8b21-3d5a9c0e7f14").AllowedPasskeyProfiles);
            Assert.Empty(fido2.IncludeTargets.Single(t => t.Id == "e5d2a7c8-1f3b-4a69-8c4e-0b7d2f9a6e51").AllowedPasskeyProfiles);
            Assert.False(fido2.IsAttestationEnforced);
            // Left over from before the profiles migration; only the prevention-design audit looks at it now.
            Assert.True(fido2.LegacyKeyRestrictions.IsEnforced);
            Assert.Equal(KeyRestrictionMode.Block, fido2.LegacyKeyRestrictions.Mode);
            Assert.Equal(new[] { new System.Guid("833b721a-ff5f-4d00-bb2e-bdda3ec01e29") }, fido2.LegacyKeyRestrictions.Aaguids);
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
            return await new TenantReader(connection, new EngineLog()).ReadTenantAsync(CancellationToken.None);
        }
    }
}
