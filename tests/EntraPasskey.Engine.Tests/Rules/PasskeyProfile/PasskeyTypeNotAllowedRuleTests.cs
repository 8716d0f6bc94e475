using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, PasskeyTypeNotAllowed (PasskeyTypeNotAllowedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class PasskeyTypeNotAllowedRuleTests
    {
        [Fact]
        public void PasskeyTypeNotAllowed_SecurityKeyUnderASyncedOnlyProfile_Blocks()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Synced only", PasskeyTypes.Synced);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.YubiKey5Nfc);

            RuleAssert.Blocked(diagnosis, 2, "PasskeyTypeNotAllowed");
            Assert.Contains("admits synced passkeys only", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void PasskeyTypeNotAllowed_SyncedProviderWhenAuthenticatorIsBlockedToo_StaysWithTheIdentityTeam()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Keys only", PasskeyTypes.DeviceBound,
                restrictions: KeyRestrictions.Block(Aaguids.AuthenticatorIos, Aaguids.AuthenticatorAndroid));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.ICloudKeychain);

            RuleAssert.Blocked(diagnosis, 2, "PasskeyTypeNotAllowed");
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProvider].Status);
        }

        [Fact]
        public void PasskeyTypeNotAllowed_SyncedProviderWhenAuthenticatorIsAccepted_IsLayer7NotLayer2()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Device-bound", PasskeyTypes.DeviceBound);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.ICloudKeychain);

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Equal(7, diagnosis.BlockingLayer);
            Assert.Equal("WrongPasskeyProvider", diagnosis.ReasonCode);
        }
    }
}
