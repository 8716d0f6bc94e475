using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInMethodDisabled: the Passkey (FIDO2) method off, and the registration-only switch that must not count.</summary>
    public sealed class SignInMethodDisabledRuleTests
    {
        [Fact]
        public void SignInMethodDisabled_TheMethodOff_StopsEveryPasskey()
        {
            var diagnosis = SignInCheck.Run(new TenantBuilder().Fido2Disabled(), SignInCheck.User(UserBuilder.Passkey("a"), UserBuilder.Passkey("b")));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal("SignInMethodDisabled", diagnosis.ReasonCode);
            Assert.All(diagnosis.Passkeys, c => Assert.Equal("SignInMethodDisabled", c.ReasonCode));
            Assert.StartsWith("Blocked: none of Adele Vance's 2 passkeys can sign in. The Passkey (FIDO2) method is disabled", diagnosis.Summary);
        }

        [Fact]
        public void SignInMethodDisabled_SelfServiceSetUpOff_GovernsRegistrationOnly()
        {
            // "Allow self-service set up" = No stops registering in Security info, not signing in (ED how-to-authentication-passkey-profiles).
            var diagnosis = SignInCheck.Run(new TenantBuilder().SelfServiceOff(), SignInCheck.User(UserBuilder.Passkey()));

            SignInCheck.Ready(diagnosis);
        }
    }
}
