using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 7 as a whole: what it says when no single rule decides.</summary>
    public sealed class PasskeyProviderLayerTests
    {
        [Fact]
        public void WithoutAHint_TheProviderIsNotCheckedAndSaysWhatToPass()
        {
            var finding = Diagnose.Run(Profiles.Tenant(Profiles.Open()), new UserBuilder()).Findings[PasskeyLayer.PasskeyProvider];

            Assert.Equal(FindingStatus.NotChecked, finding.Status);
            Assert.Equal("Not checked: pass -Aaguid to check the passkey provider the platform offered.", finding.Message);
        }
    }
}
