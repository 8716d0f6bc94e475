using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 6, AuthenticatorNotAttestable (AuthenticatorNotAttestableRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AuthenticatorNotAttestableRuleTests
    {
        [Fact]
        public void AuthenticatorNotAttestable_KeyModelEntraCannotAttest_BlocksAtLayer6ForTheEndpointTeam()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Attested), new UserBuilder(), Aaguids.LedgerNanoX);

            RuleAssert.Blocked(diagnosis, 6, "AuthenticatorNotAttestable");
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.Hardware];
            Assert.Contains("Ledger Nano X FIDO2 Authenticator is not a model Entra accepts an attestation from", finding.Message);
            Assert.Equal("none known", finding.Evidence["certification"]);
            Assert.Contains("AttestationCapable", finding.Remediation);
        }

        [Fact]
        public void AuthenticatorNotAttestable_CertifiedKey_IsReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Attested), new UserBuilder(), Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("YubiKey 5 Series with NFC (Yubico): security key, device-bound, attestation Entra accepts, FIDO_CERTIFIED.", diagnosis.Findings[PasskeyLayer.Hardware].Message);
        }

        [Fact]
        public void AuthenticatorNotAttestable_SameKeyOffAnAllowList_IsThePolicysRejection()
        {
            var listed = Profiles.Make(Profiles.DefaultId, "Listed keys", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly, KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = Diagnose.Run(Profiles.Tenant(listed), new UserBuilder(), Aaguids.LedgerNanoX);

            RuleAssert.Blocked(diagnosis, 2, "AaguidNotAllowed");
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.Hardware].Status);
        }

        [Fact]
        public void AuthenticatorNotAttestable_AttestationOff_IsReady()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder(), Aaguids.LedgerNanoX);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
