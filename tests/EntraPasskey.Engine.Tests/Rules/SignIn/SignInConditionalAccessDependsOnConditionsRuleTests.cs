using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Sign-in, SignInConditionalAccessDependsOnConditions: a policy that stops the passkey only somewhere, or unless a device satisfies it.</summary>
    public sealed class SignInConditionalAccessDependsOnConditionsRuleTests
    {
        [Fact]
        public void SignInConditionalAccessDependsOnConditions_ABlockOutsideTrustedLocations_Warns()
        {
            var policy = ConditionalAccessCases.BlockEveryone("Store network only").OutsideTrustedLocations();

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("SignInConditionalAccessDependsOnConditions", diagnosis.ReasonCode);
            var check = SignInCheck.Only(diagnosis);
            Assert.Equal((FindingStatus.Warn, (bool?)true), (check.Status, check.CanSignIn));
            Assert.Contains("except from trusted locations", check.Message);
        }

        [Fact]
        public void SignInConditionalAccessDependsOnConditions_AStrengthOrACompliantDevice_Warns()
        {
            var policy = new RegistrationPolicyBuilder("Approval or a compliant device").Strength(SignInCases.AuthenticatorApproval).Grant("compliantDevice");

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            Assert.Equal("SignInConditionalAccessDependsOnConditions", diagnosis.ReasonCode);
            Assert.Contains("unless the sign-in comes from a compliant device", SignInCheck.Only(diagnosis).Message);
        }

        [Fact]
        public void SignInConditionalAccessDependsOnConditions_ConditionsOfAPolicyThePasskeyMeets_DoNotMatter()
        {
            var policy = ConditionalAccessCases.PhishingResistantEverywhere().OutsideTrustedLocations();

            var diagnosis = SignInCases.YubiKeyUser(SignInCases.Tenant(policy));

            SignInCheck.Ready(diagnosis);
        }
    }
}
