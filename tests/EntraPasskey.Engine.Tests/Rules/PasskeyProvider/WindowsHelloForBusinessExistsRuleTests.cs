using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 7, WindowsHelloForBusinessExists (WindowsHelloForBusinessExistsRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class WindowsHelloForBusinessExistsRuleTests
    {
        [Fact]
        public void WindowsHelloForBusinessExists_WindowsPasskeyForAUserWithWhfb_Warns()
        {
            var windows = Profiles.Make(Profiles.DefaultId, "Windows", restrictions: KeyRestrictions.Allow(Aaguids.WindowsHelloTpm, Aaguids.WindowsHelloVbs, Aaguids.WindowsHelloSoftware));
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.40"), UserBuilder.WindowsHelloForBusiness);

            var diagnosis = Diagnose.Run(Profiles.Tenant(windows), user, Aaguids.WindowsHelloTpm, "Windows");

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("WindowsHelloForBusinessExists", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            Assert.Equal("ADELE-LAPTOP", diagnosis.Findings[PasskeyLayer.PasskeyProvider].Evidence["windowsHelloForBusiness"]);
        }

        [Fact]
        public void WindowsHelloForBusinessExists_NoWhfbCredential_IsReady()
        {
            var windows = Profiles.Make(Profiles.DefaultId, "Windows", restrictions: KeyRestrictions.Allow(Aaguids.WindowsHelloTpm));

            var diagnosis = Diagnose.Run(Profiles.Tenant(windows), new UserBuilder(), Aaguids.WindowsHelloTpm);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void WindowsHelloForBusinessExists_WhfbUserRegisteringASecurityKey_IsReady()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.40"), UserBuilder.WindowsHelloForBusiness);

            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), user, Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
