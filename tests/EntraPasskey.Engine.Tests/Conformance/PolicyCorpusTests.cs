using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using Xunit;
using GraphModels = Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Tests.Conformance
{
    /// <summary>The documented authentication methods policy through the SDK and <see cref="PolicyMapper"/>.</summary>
    public sealed class PolicyCorpusTests
    {
        private static readonly Guid YubiKeyUsb = new Guid("cb69481e-8ff7-4039-93ec-0a2729a154a8");
        private static readonly Guid YubiKeyUsbEnterprise = new Guid("ee882879-721c-4913-9775-3dfcce97072a");

        [Theory]
        [InlineData("authentication-methods-policy.v1")]
        [InlineData("authentication-methods-policy.beta")]
        public async Task NeverOptedIn_LegacyFido2SettingsGovernAndEveryMethodIsRead(string fixture)
        {
            var (state, fido2, methods) = PolicyMapper.Map(await Corpus.ParseAsync(fixture, GraphModels.AuthenticationMethodsPolicy.CreateFromDiscriminatorValue));

            Assert.Equal(PolicyMigrationState.PreMigration, state);
            Assert.True(fido2.Enabled);
            Assert.True(fido2.IsSelfServiceRegistrationAllowed);
            Assert.False(fido2.HasOptedIntoProfiles);
            Assert.Null(fido2.DefaultPasskeyProfileId);
            Assert.Empty(fido2.PasskeyProfiles);
            Assert.Equal(new[] { (PolicyTargetKind.AllUsers, 0) }, fido2.IncludeTargets.Select(t => (t.Kind, t.AllowedPasskeyProfiles.Count)));
            Assert.Equal(new[] { "8d3f6a19-2c47-4e05-b1d8-7a9e0c5f2b64" }, fido2.ExcludeTargets.Select(t => t.Id));
            Assert.False(fido2.IsAttestationEnforced);
            Assert.Equal(KeyRestrictionMode.Allow, fido2.LegacyKeyRestrictions.Mode);
            Assert.Equal(new[] { YubiKeyUsb, YubiKeyUsbEnterprise }, fido2.LegacyKeyRestrictions.Aaguids);

            var tap = Assert.IsType<TapPolicy>(methods.Single(m => m.Id == MethodPolicyIds.TemporaryAccessPass));
            Assert.Equal((true, 120, 30, 1440, true, 10), (tap.Enabled, tap.DefaultLifetimeInMinutes, tap.MinimumLifetimeInMinutes, tap.MaximumLifetimeInMinutes, tap.IsUsableOnce, tap.DefaultLength));
            Assert.Equal(new[] { "3e9a5c71-0b2d-4f86-a4e3-6c1d8b7f0a25" }, tap.IncludeTargets.Select(t => t.Id));

            // hardwareOath has no v1.0 SDK type: its targets come from the untyped JSON.
            var hardware = methods.Single(m => m.Id == MethodPolicyIds.HardwareOath);
            Assert.Equal((true, "9f2b4d60-7a13-4c58-8e91-0d6c3a5b7e42", PolicyTargetKind.Group), (hardware.Enabled, hardware.IncludeTargets.Single().Id, hardware.IncludeTargets.Single().Kind));

            // An external method is named by its GUID, and the state of every documented configuration is kept.
            Assert.Contains(methods, m => m.Id == "4b7e2a90-6d15-4c38-9f02-8e1a3c5d7b69" && m.Enabled && m.IncludeTargets.Single().Id == "6a1c9e37-4f82-4b05-9d63-0e7b2a8c5f14");
            Assert.Equal(
                new[] { "Fido2", "MicrosoftAuthenticator", "Sms", "TemporaryAccessPass", "HardwareOath", "SoftwareOath", "Voice", "Email", "X509Certificate", "4b7e2a90-6d15-4c38-9f02-8e1a3c5d7b69" },
                methods.Select(m => m.Id));
            Assert.Equal(new[] { true, true, false, true, true, true, false, true, false, true }, methods.Select(m => m.Enabled));
        }

        [Fact]
        public async Task OptedIn_DefaultProfileAndTargetsNamingProfilesAreRead()
        {
            var (_, fido2, _) = PolicyMapper.Map(await Corpus.ParseAsync("authentication-methods-policy.v1.passkey-profiles", GraphModels.AuthenticationMethodsPolicy.CreateFromDiscriminatorValue));

            Assert.True(fido2.HasOptedIntoProfiles);
            Assert.Equal("00000000-0000-0000-0000-000000000001", fido2.DefaultPasskeyProfileId);
            var (standard, administrators) = (fido2.PasskeyProfiles[0], fido2.PasskeyProfiles[1]);
            Assert.Equal(("00000000-0000-0000-0000-000000000001", "Default passkey profile", PasskeyTypes.DeviceBound | PasskeyTypes.Synced, AttestationEnforcement.Disabled, false),
                (standard.Id, standard.Name, standard.PasskeyTypes, standard.AttestationEnforcement, standard.KeyRestrictions.IsEnforced));
            Assert.Equal((PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly, KeyRestrictionMode.Allow),
                (administrators.PasskeyTypes, administrators.AttestationEnforcement, administrators.KeyRestrictions.Mode));
            Assert.Equal(new[] { YubiKeyUsb, YubiKeyUsbEnterprise }, administrators.KeyRestrictions.Aaguids);
            Assert.Equal(
                new[] { ("all_users", "00000000-0000-0000-0000-000000000001"), ("c4e81b27-95d3-4a06-8f7c-2b9d5e0a3f61", "7f3a9c25-d1e8-4b60-a2f4-9c8e1b5d0a73") },
                fido2.IncludeTargets.Select(t => (t.Id, t.AllowedPasskeyProfiles.Single())));
        }

        /// <summary>
        /// Live tenants send null (and some ""); the SDK reads those and values it does not know as null. Since
        /// 30 September 2025 methods cannot be managed in the legacy policies, so only an explicit preMigration or
        /// migrationInProgress keeps them in play.
        /// </summary>
        [Theory]
        [InlineData(null, PolicyMigrationState.MigrationComplete)]
        [InlineData("", PolicyMigrationState.MigrationComplete)]
        [InlineData("migrationComplete", PolicyMigrationState.MigrationComplete)]
        [InlineData("unknownFutureValue", PolicyMigrationState.MigrationComplete)]
        [InlineData("someStateAddedLater", PolicyMigrationState.MigrationComplete)]
        [InlineData("preMigration", PolicyMigrationState.PreMigration)]
        [InlineData("migrationInProgress", PolicyMigrationState.MigrationInProgress)]
        public async Task MigrationState_OnlyExplicitEarlierStatesKeepTheLegacyPolicies(string? wire, PolicyMigrationState expected)
        {
            var policy = await Corpus.ParseAsync(
                "authentication-methods-policy.v1",
                json => json["policyMigrationState"] = wire == null ? null : JsonValue.Create(wire),
                GraphModels.AuthenticationMethodsPolicy.CreateFromDiscriminatorValue);

            Assert.Equal(expected, PolicyMapper.Map(policy).State);
        }

        [Fact]
        public async Task MigrationState_AbsentProperty_IsComplete()
        {
            var policy = await Corpus.ParseAsync("authentication-methods-policy.v1", json => json.Remove("policyMigrationState"), GraphModels.AuthenticationMethodsPolicy.CreateFromDiscriminatorValue);

            Assert.Equal(PolicyMigrationState.MigrationComplete, PolicyMapper.Map(policy).State);
        }

        [Fact]
        public async Task TapConfiguration_ReadAlone_HasThePolicyValues()
        {
            var configuration = await Corpus.ParseAsync("temporary-access-pass-configuration", GraphModels.AuthenticationMethodConfiguration.CreateFromDiscriminatorValue);
            var (_, _, methods) = PolicyMapper.Map(new GraphModels.AuthenticationMethodsPolicy { AuthenticationMethodConfigurations = new System.Collections.Generic.List<GraphModels.AuthenticationMethodConfiguration> { configuration } });

            var tap = Assert.IsType<TapPolicy>(methods.Single(m => m.Id == MethodPolicyIds.TemporaryAccessPass));
            Assert.Equal((120, 30, 1440, true), (tap.DefaultLifetimeInMinutes, tap.MinimumLifetimeInMinutes, tap.MaximumLifetimeInMinutes, tap.IsUsableOnce));
            Assert.Equal("8d3f6a19-2c47-4e05-b1d8-7a9e0c5f2b64", tap.ExcludeTargets.Single().Id);
        }
    }
}
