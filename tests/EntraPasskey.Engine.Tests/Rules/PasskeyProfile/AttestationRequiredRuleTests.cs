using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, AttestationRequired (AttestationRequiredRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AttestationRequiredRuleTests
    {
        [Fact]
        public void AttestationRequired_PlatformPasskeyThatIsNeverAttested_Blocks()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Profiles.Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.ChromeOnMac);

            RuleAssert.Blocked(diagnosis, 2, "AttestationRequired");
        }

        [Fact]
        public void AttestationRequired_AuthenticatorCreatedCrossDeviceFromAComputer_Blocks()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Profiles.Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.AuthenticatorIos, "Windows");

            RuleAssert.Blocked(diagnosis, 2, "AttestationRequired");
            Assert.Contains("cross-device", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
            Assert.Contains("directly in the Microsoft Authenticator for iOS app", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Remediation);
        }

        [Fact]
        public void AttestationRequired_AuthenticatorCreatedOnThePhone_IsReady()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Profiles.Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AttestationRequired_AuthenticatorWithoutAPlatformHint_PassesLayer2AndSaysToAddItInTheApp()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Profiles.Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.AuthenticatorAndroid);

            // The user's latest sign-in is from a PC, so layer 5 adds that registering from there is cross-device.
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Contains("must be added in the app on the phone", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("PlatformCaveat", diagnosis.ReasonCode);
        }

        [Fact]
        public void AttestationRequired_SecurityKeyModelThatCannotBeAttested_IsLayer6NotLayer2()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Profiles.Attested", PasskeyTypes.DeviceBound, AttestationEnforcement.RegistrationOnly);

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.LedgerNanoX);

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.PasskeyProfile].Status);
            Assert.Equal("AuthenticatorNotAttestable", diagnosis.ReasonCode);
        }
    }
}
