using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 1: each reason code, and the case that nearly produces it but must not.</summary>
    public sealed class AuthenticationMethodsPolicyRulesTests
    {
        [Fact]
        public void AccountDisabled_DisabledAccount_BlocksAtLayer1()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().Disabled());

            AssertBlocked(diagnosis, "AccountDisabled");
            Assert.Equal("false", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["accountEnabled"]);
        }

        [Fact]
        public void AccountDisabled_AccountEnabledNotReturned_IsNotReadAsDisabled()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().AccountEnabledUnknown());

            Assert.NotEqual("AccountDisabled", diagnosis.ReasonCode);
            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            var finding = diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy];
            Assert.Equal(FindingStatus.Pass, finding.Status);
            Assert.False(finding.Evidence.ContainsKey("accountEnabled"));
        }

        [Fact]
        public void GuestUser_GuestUserType_BlocksAtLayer1()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().Guest("Guest", "Accepted"));

            AssertBlocked(diagnosis, "GuestUser");
            Assert.Equal("Guest", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["userType"]);
        }

        [Fact]
        public void GuestUser_B2BCollaborationMember_BlocksAtLayer1()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().Guest("Member", "Accepted"));

            AssertBlocked(diagnosis, "GuestUser");
            Assert.Equal("Accepted", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["externalUserState"]);
        }

        [Fact]
        public void GuestUser_MemberWithoutExternalState_IsNotAGuest()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().Guest("Member", null, creationType: null));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void Fido2MethodDisabled_MethodOff_BlocksEveryone()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().Fido2Disabled(), new UserBuilder());

            AssertBlocked(diagnosis, "Fido2MethodDisabled");
        }

        [Fact]
        public void Fido2MethodDisabled_MethodOnButSelfServiceOff_IsSelfServiceRegistrationDisabled()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().SelfServiceOff(), new UserBuilder());

            Assert.NotEqual("Fido2MethodDisabled", diagnosis.ReasonCode);
            AssertBlocked(diagnosis, "SelfServiceRegistrationDisabled");
            Assert.False(diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence.ContainsKey("fido2State"));
        }

        [Fact]
        public void SelfServiceRegistrationDisabled_SettingOff_BlocksAtLayer1()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().SelfServiceOff(), new UserBuilder());

            AssertBlocked(diagnosis, "SelfServiceRegistrationDisabled");
        }

        [Fact]
        public void SelfServiceRegistrationDisabled_SettingOnButMethodOff_IsFido2MethodDisabled()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().Fido2Disabled(), new UserBuilder());

            Assert.NotEqual("SelfServiceRegistrationDisabled", diagnosis.ReasonCode);
            AssertBlocked(diagnosis, "Fido2MethodDisabled");
            Assert.False(diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence.ContainsKey("isSelfServiceRegistrationAllowed"));
        }

        [Fact]
        public void UserExcluded_InExcludeGroupAndIncludeGroup_ExclusionWinsAndNamesTheGroup()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.PasskeyExclusions));

            AssertBlocked(diagnosis, "UserExcluded");
            var finding = diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy];
            Assert.Equal("Passkey Exclusions", finding.Evidence["excludedBy"]);
            Assert.Equal(TenantBuilder.PasskeyExclusions, finding.Evidence["excludedById"]);
            Assert.Contains("'Passkey Exclusions'", finding.Message);
            Assert.Contains("Passkey Exclusions", finding.Remediation);
        }

        [Fact]
        public void UserExcluded_ExcludedDirectlyAsAUser_SaysSo()
        {
            var user = new UserBuilder().Build();
            var tenant = new TenantBuilder().Fido2Targets(new[] { PolicyTarget.AllUsers() }, new[] { PolicyTarget.User(user.Id) }).Build();

            var diagnosis = Diagnose.Run(tenant, user);

            AssertBlocked(diagnosis, "UserExcluded");
            Assert.Contains("the user directly", diagnosis.Summary);
        }

        [Fact]
        public void UserExcluded_InAnotherGroupOnly_IsNotExcluded()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void UserNotTargeted_NoIncludeTargetMatches_NamesTheTargets()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.Engineering));

            AssertBlocked(diagnosis, "UserNotTargeted");
            var finding = diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy];
            Assert.Contains("Passkey Users", finding.Evidence["includeTargets"]);
        }

        [Fact]
        public void UserNotTargeted_IncludedThroughNestedGroup_IsTargeted()
        {
            // Group ids are transitive: Engineering is nested in Passkey Users, so the user carries both ids.
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().InGroups(TenantBuilder.Engineering, TenantBuilder.PasskeyUsers));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("Passkey Users", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["includedBy"]);
        }

        [Fact]
        public void UserNotTargeted_AllUsersTarget_IsTargeted()
        {
            var tenant = new TenantBuilder().Fido2Targets(new[] { PolicyTarget.AllUsers() }, new PolicyTarget[0]);

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().InGroups());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("all users", diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence["includedBy"]);
        }

        [Fact]
        public void UserNotTargeted_UserTargetedDirectly_IsTargeted()
        {
            var user = new UserBuilder().InGroups().Build();
            var tenant = new TenantBuilder().Fido2Targets(new[] { PolicyTarget.User(user.Id) }, new PolicyTarget[0]).Build();

            var diagnosis = Diagnose.Run(tenant, user);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        private static void AssertBlocked(PasskeyDiagnosis diagnosis, string reasonCode)
        {
            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(1, diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal(reasonCode, diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.Fail, diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Status);
            Assert.Equal(reasonCode, diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].ReasonCode);
            Assert.False(string.IsNullOrWhiteSpace(diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Remediation));
            Assert.StartsWith("Blocked at layer 1 (Authentication methods policy): ", diagnosis.Summary);
        }
    }
}
