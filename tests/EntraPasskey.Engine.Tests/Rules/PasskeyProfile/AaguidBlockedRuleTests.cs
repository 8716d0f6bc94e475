using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 2, AaguidBlocked (AaguidBlockedRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class AaguidBlockedRuleTests
    {
        [Fact]
        public void AaguidBlocked_OnTheBlockList_Blocks()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "No Feitian", restrictions: KeyRestrictions.Block(Aaguids.FeitianEpass));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.FeitianEpass);

            RuleAssert.Blocked(diagnosis, 2, "AaguidBlocked");
            Assert.Contains("block list of passkey profile 'No Feitian'", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Message);
            Assert.Equal("Feitian ePass FIDO2 Authenticator", diagnosis.Findings[PasskeyLayer.PasskeyProfile].Evidence["authenticator"]);
        }

        [Fact]
        public void AaguidBlocked_AnotherModelUnderTheSameBlockList_IsReady()
        {
            var profile = Profiles.Make(Profiles.DefaultId, "No Feitian", restrictions: KeyRestrictions.Block(Aaguids.FeitianEpass));

            var diagnosis = Diagnose.Run(Profiles.Tenant(profile), new UserBuilder(), Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }
    }
}
