using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1, SecurityDefaultsEnabled (SecurityDefaultsRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class SecurityDefaultsRuleTests
    {
        [Fact]
        public void SecurityDefaultsEnabled_UserWithPhoneOnly_WarnsAtLayer1()
        {
            var tenant = new TenantBuilder().SecurityDefaults(SecurityDefaults.On);

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal("SecurityDefaultsEnabled", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal(FindingStatus.Warn, diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Status);
            Assert.Equal("on", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaults"]);
        }

        [Fact]
        public void SecurityDefaultsEnabled_TapUsableOrNot_OffersAPassOnlyWhenItWouldWork()
        {
            var tenant = new TenantBuilder().SecurityDefaults(SecurityDefaults.On);
            var outside = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone);
            var inside = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password, UserBuilder.MobilePhone);

            var withoutPass = Diagnose.Run(tenant, outside).Findings[PasskeyLayer.AuthenticationMethodsPolicy].Remediation;
            var withPass = Diagnose.Run(tenant, inside).Findings[PasskeyLayer.AuthenticationMethodsPolicy].Remediation;

            Assert.Contains("(a Temporary Access Pass would not work: Adele Vance is not in the Temporary Access Pass policy's include targets", withoutPass);
            Assert.DoesNotContain("New-PasskeyBootstrapTap", withoutPass);
            Assert.Contains("; or issue a Temporary Access Pass with New-PasskeyBootstrapTap.", withPass);
        }

        [Fact]
        public void SecurityDefaultsEnabled_UserWithAuthenticator_IsUnaffected()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().SecurityDefaults(SecurityDefaults.On), new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("on", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaults"]);
            Assert.Equal("Microsoft Authenticator 'Adele's iPhone'", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaultsSatisfiedBy"]);
        }

        [Fact]
        public void SecurityDefaultsEnabled_Off_SaysOffAndNothingElse()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("off", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaults"]);
        }

        [Fact]
        public void SecurityDefaultsEnabled_Unreadable_IsEvidenceNotAVerdict()
        {
            var tenant = new TenantBuilder().SecurityDefaults(SecurityDefaults.Unknown(new EvidenceGap("Permission denied to read the security defaults policy.", "Policy.Read.All")));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.StartsWith("unknown: Permission denied", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["securityDefaults"]);
        }

        [Fact]
        public void SecurityDefaultsEnabled_RegistrationPolicyIsNotInEffect()
        {
            var tenant = new TenantBuilder()
                .SecurityDefaults(SecurityDefaults.On)
                .RegistrationPolicies(new RegistrationPolicyBuilder("Block registration").Grant("block").Build());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("not in effect: security defaults are on", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditionalAccess"]);
        }
    }
}
