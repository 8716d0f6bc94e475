using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, AaguidNotAllowed (AaguidNotAllowedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AaguidNotAllowedRuleTests
    {
        [Fact]
        public void AaguidNotAllowed_ModelMissingFromTheAllowList_BlocksAndNamesWhatIsAllowed()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), Aaguids.FeitianEpass);

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotAllowed");
            var finding = diagnosis.Findings[PasskeyLayer.PasskeyProfile];
            Assert.Contains("not on the allow list of passkey profile 'Privileged passkeys'", finding.Message);
            Assert.Contains("YubiKey 5 Series with NFC", finding.Remediation);
            Assert.Equal(Aaguids.FeitianEpass.ToString(), finding.Evidence["aaguid"]);
            Assert.Equal("'Privileged passkeys'", finding.Evidence["passkeyProfiles"]);
        }

        [Fact]
        public void AaguidNotAllowed_AnotherAaguidOfTheSameModel_IsStillNotAllowed()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), Aaguids.YubiKey5NfcOlder);

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotAllowed");
            Assert.Contains("several AAGUIDs", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Remediation);
        }

        [Fact]
        public void AaguidNotAllowed_AnAaguidTheCatalogDoesNotKnow_IsDecidedByTheList()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), Aaguids.Unknown);

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotAllowed");
            Assert.Equal("not in the catalog", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["authenticator"]);
        }

        [Fact]
        public void AaguidNotAllowed_AllowedModel_IsReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Privileged()), new UserBuilder(), Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("YubiKey 5 Series with NFC is accepted by passkey profile 'Privileged passkeys'.", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }
    }
}
