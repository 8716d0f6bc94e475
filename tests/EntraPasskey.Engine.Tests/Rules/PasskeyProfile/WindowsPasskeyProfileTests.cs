using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Layer 2 for Entra passkeys on Windows since their general availability (MC1282568, April-June 2026): the Windows
    /// Hello AAGUIDs need no explicit allow-list entry any more, so a profile judges them as any device-bound passkey
    /// that cannot be attested. Before GA an open profile blocked them (the retired WindowsHelloNotAllowed).
    /// </summary>
    public sealed class WindowsPasskeyProfileTests
    {
        [Fact]
        public void OpenProfileWithoutAttestation_AdmitsWindowsHello()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder(), Aaguids.WindowsHelloTpm, "Windows");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
        }

        [Fact]
        public void LegacyTenantWithoutRestrictions_AdmitsWindowsHello()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder(), Aaguids.WindowsHelloVbs, "Windows");

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
        }

        [Fact]
        public void AttestationEnforced_BlocksWindowsHello_AsNeverAttested()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.WindowsHelloTpm, "Windows");

            RuleAssert.Blocked(diagnosis, 2, "AttestationRequired");
            Assert.Contains("Windows Hello", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void AllowListWithoutWindowsHello_BlocksAsNotAllowed()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.WindowsHelloSoftware, "Windows");

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotAllowed");
        }

        [Fact]
        public void AllowListNamingWindowsHello_AdmitsIt()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Windows", restrictions: KeyRestrictions.Allow(Aaguids.WindowsHelloTpm, Aaguids.WindowsHelloVbs, Aaguids.WindowsHelloSoftware));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.WindowsHelloTpm, "Windows");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void BlockListNamingWindowsHello_Blocks()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "No Windows", restrictions: KeyRestrictions.Block(Aaguids.WindowsHelloTpm));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.WindowsHelloTpm, "Windows");

            RuleAssert.Blocked(diagnosis, 2, "AaguidBlocked");
        }

        [Fact]
        public void SyncedOnlyProfile_BlocksWindowsHello_AsDeviceBound()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Synced", PasskeyTypes.Synced);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.WindowsHelloTpm, "Windows");

            RuleAssert.Blocked(diagnosis, 2, "PasskeyTypeNotAllowed");
        }
    }
}
