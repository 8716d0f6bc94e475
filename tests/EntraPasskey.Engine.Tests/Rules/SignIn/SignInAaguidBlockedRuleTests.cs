using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInAaguidBlocked: key restrictions apply at sign-in, and the union of profiles decides.</summary>
    public sealed class SignInAaguidBlockedRuleTests
    {
        private static readonly PasskeyProfile NoFeitian = Profiles.Make(Profiles.DefaultId, "No Feitian", restrictions: KeyRestrictions.Block(Aaguids.FeitianEpass));

        [Fact]
        public void SignInAaguidBlocked_TheModelOnTheBlockList_CannotSignIn()
        {
            var diagnosis = SignInCheck.Run(Profiles.Tenant(NoFeitian), SignInCheck.User(SignInCheck.Passkey(Aaguids.FeitianEpass, name: "Feitian key")));

            SignInCheck.Blocked(diagnosis, "SignInAaguidBlocked");
            var check = SignInCheck.Only(diagnosis);
            Assert.Contains("on the block list of passkey profile 'No Feitian'", check.Message);
            Assert.Contains("apply at sign-in as well as registration", check.Message);
            Assert.Equal("'No Feitian'", check.Evidence["passkeyProfiles"]);
        }

        [Fact]
        public void SignInAaguidBlocked_AnotherModel_SignsIn()
        {
            var diagnosis = SignInCheck.Run(Profiles.Tenant(NoFeitian), SignInCheck.User(SignInCheck.Passkey(Aaguids.YubiKey5Nfc)));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInAaguidBlocked_ASecondProfileThatAdmitsIt_LetsItSignIn()
        {
            var diagnosis = SignInCheck.Run(Profiles.Tenant(NoFeitian, Profiles.Open(Profiles.OtherId, "Everything")), SignInCheck.User(SignInCheck.Passkey(Aaguids.FeitianEpass)));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInAaguidBlocked_BeatsAnAllowListThatAlsoLeavesItOut()
        {
            var allowYubiKeys = Profiles.Make(Profiles.OtherId, "YubiKeys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc));

            var diagnosis = SignInCheck.Run(Profiles.Tenant(NoFeitian, allowYubiKeys), SignInCheck.User(SignInCheck.Passkey(Aaguids.FeitianEpass)));

            SignInCheck.Blocked(diagnosis, "SignInAaguidBlocked");
            Assert.Contains("not on the allow list of passkey profile 'YubiKeys'", SignInCheck.Only(diagnosis).Message);
        }
    }
}
