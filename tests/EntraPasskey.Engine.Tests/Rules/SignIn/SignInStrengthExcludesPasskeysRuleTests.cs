using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInStrengthExcludesPasskeys: a strength no passkey meets, and the grants a passkey does meet.</summary>
    public sealed class SignInStrengthExcludesPasskeysRuleTests
    {
        [Fact]
        public void SignInStrengthExcludesPasskeys_AStrengthWithoutFido2_StopsThePasskey()
        {
            var policy = new RegistrationPolicyBuilder("Treasury approves in Authenticator").Strength(SignInCases.AuthenticatorApproval);

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            SignInCheck.Blocked(diagnosis, "SignInStrengthExcludesPasskeys");
            var check = SignInCheck.Only(diagnosis);
            Assert.Contains("requires authentication strength 'Authenticator approval'", check.Message);
            Assert.Equal("password,microsoftAuthenticatorPush", check.Evidence["strengthCombinations"]);
        }

        [Fact]
        public void SignInStrengthExcludesPasskeys_PhishingResistantMfa_IsMetByAPasskey()
        {
            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(ConditionalAccessCases.PhishingResistantEverywhere()));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInStrengthExcludesPasskeys_OrRequireMfa_APasskeyIsMfa()
        {
            var policy = new RegistrationPolicyBuilder("Approval or MFA").Strength(SignInCases.AuthenticatorApproval).Grant("mfa");

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            SignInCheck.Ready(diagnosis);
        }

        [Fact]
        public void SignInStrengthExcludesPasskeys_AndRequireMfa_StillNeedsTheStrength()
        {
            var policy = new RegistrationPolicyBuilder("Approval and MFA").Strength(SignInCases.AuthenticatorApproval).Grant("mfa").RequireAll();

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            SignInCheck.Blocked(diagnosis, "SignInStrengthExcludesPasskeys");
        }

        [Fact]
        public void SignInStrengthExcludesPasskeys_OnlyACompliantDevice_IsNotAboutThePasskey()
        {
            var policy = new RegistrationPolicyBuilder("Compliant devices").Grant("compliantDevice");

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            SignInCheck.Ready(diagnosis);
        }
    }
}
