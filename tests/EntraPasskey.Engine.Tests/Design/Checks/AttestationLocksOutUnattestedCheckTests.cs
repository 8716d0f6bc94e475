using EntraPasskey.Engine.Design.Checks.Profiles;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class AttestationLocksOutUnattestedCheckTests
    {
        private readonly AttestationLocksOutUnattestedCheck _check = new AttestationLocksOutUnattestedCheck();

        [Fact]
        public void SyncedTypeWithAttestation_Fails()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Everyone", PasskeyTypes.DeviceBound | PasskeyTypes.Synced, AttestationEnforcement.RegistrationOnly);

            var outcome = _check.Evaluate(DesignInputs.For(Profiles.Tenant(profile).Build()));

            Assert.Equal(FindingStatus.Fail, outcome!.Status);
            Assert.Contains("synced", outcome.Problem);
        }

        [Fact]
        public void WindowsPasskeysAllowedWithAttestation_Fail()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Windows", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly, KeyRestrictions.Allow(Aaguids.WindowsHelloTpm, Aaguids.YubiKey5Nfc));

            var outcome = _check.Evaluate(DesignInputs.For(Profiles.Tenant(profile).Build()));

            Assert.Contains(Aaguids.WindowsHelloTpm.ToString(), outcome!.Evidence["profiles"]);
        }

        [Fact]
        public void DeviceBoundAttestedAllowList_WithoutWindowsHello_Passes()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(Profiles.Tenant(Profiles.Privileged()).Build())));
        }

        [Fact]
        public void SyncedAndWindowsHelloWithoutAttestation_Pass()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Open list", PasskeyTypes.DeviceBound | PasskeyTypes.Synced, AttestationEnforcement.Disabled, KeyRestrictions.Allow(Aaguids.WindowsHelloTpm, Aaguids.ICloudKeychain));

            Assert.Null(_check.Evaluate(DesignInputs.For(Profiles.Tenant(profile).Build())));
        }
    }
}
