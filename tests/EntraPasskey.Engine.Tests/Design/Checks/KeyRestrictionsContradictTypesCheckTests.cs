using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class KeyRestrictionsContradictTypesCheckTests
    {
        private readonly KeyRestrictionsContradictTypesCheck _check = new KeyRestrictionsContradictTypesCheck();

        [Fact]
        public void SyncedProviderListedInADeviceBoundProfile_Fails()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Device-bound", PasskeyTypes.DeviceBound, AttestationEnforcement.Disabled, KeyRestrictions.Allow(Aaguids.ICloudKeychain, Aaguids.YubiKey5Nfc));

            var outcome = _check.Evaluate(DesignInputs.For(Profiles.Tenant(profile).Build()));

            Assert.Contains("iCloud Keychain", outcome!.Evidence["profiles"]);
        }

        [Fact]
        public void SyncedAdmittedButNoSyncedProviderListed_Fails()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Keys", PasskeyTypes.DeviceBound | PasskeyTypes.Synced, AttestationEnforcement.Disabled, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            Assert.Equal(FindingStatus.Fail, _check.Evaluate(DesignInputs.For(Profiles.Tenant(profile).Build()))!.Status);
        }

        [Fact]
        public void SyncedAdmittedAndASyncedProviderListed_Passes()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Mixed", PasskeyTypes.DeviceBound | PasskeyTypes.Synced, AttestationEnforcement.Disabled, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc, Aaguids.GooglePasswordManager));

            Assert.Null(_check.Evaluate(DesignInputs.For(Profiles.Tenant(profile).Build())));
        }

        [Fact]
        public void ABlockListOfSyncedProviders_IsNotAContradiction()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "No iCloud", PasskeyTypes.DeviceBound, AttestationEnforcement.Disabled, KeyRestrictions.Block(Aaguids.ICloudKeychain));

            Assert.Null(_check.Evaluate(DesignInputs.For(Profiles.Tenant(profile).Build())));
        }
    }
}
