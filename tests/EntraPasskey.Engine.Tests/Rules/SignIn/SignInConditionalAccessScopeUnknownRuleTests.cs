using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInConditionalAccessScopeUnknown: a policy that may apply (by role), or a model Graph does not give.</summary>
    public sealed class SignInConditionalAccessScopeUnknownRuleTests
    {
        [Fact]
        public void SignInConditionalAccessScopeUnknown_AStrengthForARoleTheUserMayHold_IsUnknown()
        {
            var policy = new RegistrationPolicyBuilder("Admins approve in Authenticator").Strength(SignInCases.AuthenticatorApproval)
                .Users(includeRoles: new[] { ConditionalAccessCases.RoleGlobalAdministrator });

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("SignInConditionalAccessScopeUnknown", diagnosis.ReasonCode);
            Assert.Contains("role membership is not read", SignInCheck.Only(diagnosis).Message);
        }

        [Fact]
        public void SignInConditionalAccessScopeUnknown_AStrengthWithModelsAndNoAaguid_IsUnknown()
        {
            var policy = new RegistrationPolicyBuilder("Company YubiKeys").Strength(SignInCases.CompanyYubiKeys());
            var noAaguid = SignInCheck.Passkey(Aaguids.YubiKey5Nfc) with { Aaguid = null };

            var diagnosis = SignInCheck.Run(SignInCases.Tenant(policy), SignInCheck.User(noAaguid));

            Assert.Equal("SignInConditionalAccessScopeUnknown", SignInCheck.Only(diagnosis).ReasonCode);
            Assert.Contains("Graph gives no AAGUID", SignInCheck.Only(diagnosis).Message);
        }

        [Fact]
        public void SignInConditionalAccessScopeUnknown_ARolePolicyThePasskeyMeets_DoesNotMatter()
        {
            var policy = ConditionalAccessCases.PhishingResistantEverywhere().Users(includeRoles: new[] { ConditionalAccessCases.RoleGlobalAdministrator });

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            SignInCheck.Ready(diagnosis);
        }
    }
}
