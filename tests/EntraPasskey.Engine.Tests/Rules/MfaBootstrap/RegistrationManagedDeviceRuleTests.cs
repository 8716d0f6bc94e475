using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, RegistrationRequiresManagedDevice (RegistrationManagedDeviceRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class RegistrationManagedDeviceRuleTests
    {
        [Fact]
        public void RegistrationRequiresManagedDevice_CompliantDevice_WarnsBecauseTheDeviceIsUnknown()
        {
            var policy = new RegistrationPolicyBuilder("Contractors register on managed devices").Grant("compliantDevice").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("RegistrationRequiresManagedDevice", diagnosis.ReasonCode);
            Assert.Equal("a compliant device", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["unmet"]);
        }

        [Fact]
        public void RegistrationRequiresManagedDevice_HybridJoinedOrCompliant_NamesBoth()
        {
            var policy = new RegistrationPolicyBuilder().Grant("compliantDevice", "domainJoinedDevice").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal("a compliant device or a Microsoft Entra hybrid joined device", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["unmet"]);
        }

        [Fact]
        public void RegistrationRequiresManagedDevice_OrMfa_TheUserTakesTheMfaRoute()
        {
            var policy = new RegistrationPolicyBuilder().Grant("mfa", "compliantDevice").Build();

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).Verdict);
        }

        [Fact]
        public void RegistrationRequiresManagedDevice_AndAnUnmetStrength_TheStrengthFails()
        {
            var policy = new RegistrationPolicyBuilder().Grant("compliantDevice").Strength(RegistrationPolicyBuilder.PhishingResistant).RequireAll().Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal("RegistrationAuthStrengthUnmet", diagnosis.ReasonCode);
            Assert.Equal("a compliant device and authentication strength 'Phishing-resistant MFA'", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["unmet"]);
        }

        [Fact]
        public void RegistrationRequiresManagedDevice_OrAMetStrength_IsSatisfied()
        {
            var policy = new RegistrationPolicyBuilder().Grant("compliantDevice").Strength(RegistrationPolicyBuilder.PhishingResistant).Build();
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey(), UserBuilder.Passkey("passkey-2"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), user).Verdict);
        }
    }
}
