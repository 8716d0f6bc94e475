using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 6 as a whole: what it says when no single rule decides.</summary>
    public sealed class HardwareLayerTests
    {
        [Fact]
        public void WithoutAHint_HardwareIsNotCheckedAndSaysWhatToPass()
        {
            var finding = Diagnose.Run(Profiles.Tenant(Profiles.Attested), new UserBuilder()).Findings[PasskeyLayer.Hardware];

            Assert.Equal(FindingStatus.NotChecked, finding.Status);
            Assert.Equal("Not checked: pass -Aaguid to check the authenticator model against the policy.", finding.Message);
        }
    }
}
