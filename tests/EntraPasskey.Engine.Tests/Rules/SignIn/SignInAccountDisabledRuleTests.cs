using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInAccountDisabled: the case that gives it and the case that nearly does but must not.</summary>
    public sealed class SignInAccountDisabledRuleTests
    {
        [Fact]
        public void SignInAccountDisabled_ADisabledAccount_SignsInWithNoPasskey()
        {
            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()).Disabled());

            SignInCheck.Blocked(diagnosis, "SignInAccountDisabled");
            Assert.Contains("account is disabled", SignInCheck.Only(diagnosis).Message);
        }

        [Fact]
        public void SignInAccountDisabled_AnAccountStateGraphDidNotGive_IsNotTakenAsDisabled()
        {
            var diagnosis = SignInCheck.Run(new TenantBuilder(), SignInCheck.User(UserBuilder.Passkey()).AccountEnabledUnknown());

            SignInCheck.Ready(diagnosis);
        }
    }
}
