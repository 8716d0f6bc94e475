using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, NoAcceptableAuthenticator (NoAcceptableAuthenticatorRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class NoAcceptableAuthenticatorRuleTests
    {
        [Fact]
        public void NoAcceptableAuthenticator_SyncedOnlyWithAttestation_BlocksWithoutAHint()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Synced attested", PasskeyTypes.Synced, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder());

            RuleAssert.Blocked(diagnosis, 2, "NoAcceptableAuthenticator");
            Assert.Contains("synced passkeys only, attestation required", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void NoAcceptableAuthenticator_EmptyAllowList_BlocksEvenWithAHint()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Empty allow list", restrictions: KeyRestrictions.Allow());

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.YubiKey5Nfc);

            RuleAssert.Blocked(diagnosis, 2, "NoAcceptableAuthenticator");
        }

        [Fact]
        public void NoAcceptableAuthenticator_SyncedOnlyWithoutAttestation_Passes()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Synced only", PasskeyTypes.Synced);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder());

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Contains("iCloud Keychain", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void NoAcceptableAuthenticator_AllowListOfAnUnknownAaguid_IsNotAFailureBecauseItMightQualify()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Unknown key", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly, KeyRestrictions.Allow(Aaguids.Unknown));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder());

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Contains("+1 allow-listed AAGUID not in the catalog", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void NoAcceptableAuthenticator_ASettingThisVersionCannotRead_IsNotCalledImpossible()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Future", PasskeyTypes.DeviceBound, AttestationEnforcement.Unrecognised);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder());

            Assert.NotEqual("NoAcceptableAuthenticator", diagnosis.ReasonCode);
            Assert.Contains("an attestation setting this version cannot read", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }
    }
}
