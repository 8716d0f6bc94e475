using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInStrengthAaguidNotAllowed: a strength's FIDO2 advanced options that leave the passkey's model out.</summary>
    public sealed class SignInStrengthAaguidNotAllowedRuleTests
    {
        [Fact]
        public void SignInStrengthAaguidNotAllowed_AModelTheStrengthDoesNotList_CannotSignIn()
        {
            var policy = new RegistrationPolicyBuilder("Research lab uses company YubiKeys").Strength(SignInCases.CompanyYubiKeys());

            var diagnosis = SignInCheck.Run(SignInCases.Tenant(policy), SignInCheck.User(SignInCheck.Passkey(Aaguids.AuthenticatorIos, name: "iPhone")));

            SignInCheck.Blocked(diagnosis, "SignInStrengthAaguidNotAllowed");
            var check = SignInCheck.Only(diagnosis);
            Assert.Contains($"not 'iPhone' ({Aaguids.AuthenticatorIos})", check.Message);
            Assert.Equal(Aaguids.YubiKey5Nfc.ToString(), check.Evidence["strengthAllowedAaguids"]);
        }

        [Fact]
        public void SignInStrengthAaguidNotAllowed_AModelTheStrengthLists_SignsIn()
        {
            var policy = new RegistrationPolicyBuilder("Research lab uses company YubiKeys").Strength(SignInCases.CompanyYubiKeys());

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInStrengthAaguidNotAllowed_OrATemporaryAccessPass_DoesNotHelpThePasskey()
        {
            var policy = new RegistrationPolicyBuilder("YubiKeys or a pass").Strength(SignInCases.CompanyYubiKeys() with
            {
                AllowedCombinations = new[] { new[] { "fido2" }, new[] { "temporaryAccessPassOneTime" } },
            });

            var diagnosis = SignInCheck.Run(SignInCases.Tenant(policy), SignInCheck.User(SignInCheck.Passkey(Aaguids.AuthenticatorIos)));

            SignInCheck.Blocked(diagnosis, "SignInStrengthAaguidNotAllowed");
        }
    }
}
