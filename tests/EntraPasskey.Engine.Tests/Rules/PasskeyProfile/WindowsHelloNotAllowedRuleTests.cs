using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, WindowsHelloNotAllowed (WindowsHelloNotAllowedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class WindowsHelloNotAllowedRuleTests
    {
        [Fact]
        public void WindowsHelloNotAllowed_ProfileWithoutKeyRestrictions_Blocks()
        {
            var diagnosis = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder(), Aaguids.WindowsHelloTpm);

            RuleAssert.Blocked(diagnosis, 2, "WindowsHelloNotAllowed");
            Assert.Equal("Default passkey profile", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["rejectedBy"]);
        }

        [Fact]
        public void WindowsHelloNotAllowed_LegacyTenantWithoutAllowList_Blocks()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder(), Aaguids.WindowsHelloVbs);

            RuleAssert.Blocked(diagnosis, 2, "WindowsHelloNotAllowed");
            Assert.Contains("tenant-wide", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
        }

        [Fact]
        public void WindowsHelloNotAllowed_ExplicitlyAllowedWithAttestationOff_IsReady()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "Windows", restrictions: KeyRestrictions.Allow(Aaguids.WindowsHelloTpm, Aaguids.WindowsHelloVbs, Aaguids.WindowsHelloSoftware));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.WindowsHelloTpm);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
