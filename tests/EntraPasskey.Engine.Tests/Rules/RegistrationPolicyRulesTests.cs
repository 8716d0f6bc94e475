using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3: Conditional Access policies on "Register security information" the user cannot satisfy.</summary>
    public sealed class RegistrationPolicyRulesTests
    {
        private const string RoleGlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";

        [Fact]
        public void RegistrationBlocked_BlockForAllUsers_BlocksAtLayer3()
        {
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder("Block registration").Grant("block").Build());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal("RegistrationBlockedByConditionalAccess", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("Block registration", finding.Evidence["policy"]);
            Assert.Equal("all users", finding.Evidence["scope"]);
            Assert.Contains("cannot get past a block", finding.Remediation);
        }

        [Fact]
        public void RegistrationBlocked_ReportOnly_DoesNotBlockButIsRecorded()
        {
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder("Block registration").Grant("block").State(ConditionalAccessState.ReportOnly).Build());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("'Block registration'", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["reportOnlyRegistrationPolicies"]);
            Assert.Equal("none", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["registrationPolicies"]);
        }

        [Fact]
        public void RegistrationBlocked_Disabled_DoesNotBlock()
        {
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder().Grant("block").State(ConditionalAccessState.Disabled).Build());

            Assert.Equal(Verdict.Ready, Diagnose.Run(tenant, new UserBuilder()).Verdict);
        }

        [Fact]
        public void RegistrationBlocked_IncludedThroughNestedGroup_Applies()
        {
            // Engineering is nested in Passkey Users; transitive membership lists both.
            var policy = new RegistrationPolicyBuilder("Block contractors").Users(includeGroups: new[] { TenantBuilder.PasskeyUsers }).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder().InGroups(TenantBuilder.Engineering, TenantBuilder.PasskeyUsers));

            Assert.Equal("RegistrationBlockedByConditionalAccess", diagnosis.ReasonCode);
            Assert.Equal("through group 'Passkey Users'", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["scope"]);
        }

        [Fact]
        public void RegistrationBlocked_ExcludedThroughGroup_ExclusionWins()
        {
            var policy = new RegistrationPolicyBuilder().Users(includeUsers: new[] { "All" }, excludeGroups: new[] { TenantBuilder.Engineering }).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder().InGroups(TenantBuilder.Engineering, TenantBuilder.PasskeyUsers));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void RegistrationBlocked_ExcludedDirectly_ExclusionWins()
        {
            var user = new UserBuilder().Build();
            var policy = new RegistrationPolicyBuilder().Users(includeUsers: new[] { "All" }, excludeUsers: new[] { user.Id }).Grant("block").Build();

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy).Build(), user).Verdict);
        }

        [Fact]
        public void RegistrationBlocked_OtherGroupOnly_DoesNotApply()
        {
            var policy = new RegistrationPolicyBuilder().Users(includeGroups: new[] { TenantBuilder.TapOnboarding }).Grant("block").Build();

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).Verdict);
        }

        [Fact]
        public void RegistrationBlocked_ExcludedRoleIsNotRead_StillBlocksAndSaysSo()
        {
            var policy = new RegistrationPolicyBuilder().Users(includeUsers: new[] { "All" }, excludeRoles: new[] { RoleGlobalAdministrator }).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal("RegistrationBlockedByConditionalAccess", diagnosis.ReasonCode);
            Assert.Contains("unless they hold an excluded directory role", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["scope"]);
        }

        [Fact]
        public void RegistrationBlocked_GuestsIncluded_AppliesToAGuest()
        {
            var policy = new RegistrationPolicyBuilder().Users(includesGuests: true).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder().Guest("Guest", "Accepted"));

            Assert.Equal("GuestUser", diagnosis.ReasonCode);
            Assert.Equal("RegistrationBlockedByConditionalAccess", diagnosis.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
        }

        [Fact]
        public void ConditionalAccessScopeUnknown_OnlyRolesDecide_IsUnknownNotReady()
        {
            var policy = new RegistrationPolicyBuilder("Admins register from PAWs").Users(includeRoles: new[] { RoleGlobalAdministrator }).Grant("block").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal("ConditionalAccessScopeUnknown", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Contains("role membership is not read", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Message);
        }

        [Fact]
        public void ConditionalAccessScopeUnknown_RolesAndAllUsers_TheUserIsInScopeAnyway()
        {
            var policy = new RegistrationPolicyBuilder().Users(includeUsers: new[] { "All" }, includeRoles: new[] { RoleGlobalAdministrator }).Grant("block").Build();

            Assert.Equal("RegistrationBlockedByConditionalAccess", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_PhishingResistantWithAuthenticatorOnly_BlocksAndSaysTapWouldNotHelp()
        {
            var policy = new RegistrationPolicyBuilder("Phishing-resistant registration").Strength(RegistrationPolicyBuilder.PhishingResistant).Build();
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding);

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), user);

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal("RegistrationAuthStrengthUnmet", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("windowsHelloForBusiness | fido2 | x509CertificateMultiFactor", finding.Evidence["acceptedCombinations"]);
            Assert.Equal("microsoftAuthenticatorPush, password", finding.Evidence["userModes"]);
            Assert.Equal("no: the strength 'Phishing-resistant MFA' does not accept a Temporary Access Pass", finding.Evidence["tapWouldHelp"]);
            Assert.StartsWith("A Temporary Access Pass would not help: the strength 'Phishing-resistant MFA' does not accept a Temporary Access Pass. Allow temporaryAccessPassOneTime in the strength", finding.Remediation);
            Assert.EndsWith("or exclude Adele Vance from 'Phishing-resistant registration' until they have registered.", finding.Remediation);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_StrengthAcceptsTapAndUserInTapPolicy_SaysIssueATap()
        {
            var policy = new RegistrationPolicyBuilder("New hires onboard with TAP").Strength(RegistrationPolicyBuilder.TapOrPasskey).Build();
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password);

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), user);

            Assert.Equal("RegistrationAuthStrengthUnmet", diagnosis.ReasonCode);
            Assert.Equal("yes", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["tapWouldHelp"]);
            Assert.StartsWith("Issue a Temporary Access Pass with New-PasskeyBootstrapTap", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_UserOutsideTapPolicy_SaysWhyATapWouldNotHelp()
        {
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.TapOrPasskey).Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("no: Adele Vance is not in the Temporary Access Pass policy's include targets (group 'TAP Onboarding')", finding.Evidence["tapWouldHelp"]);
            Assert.StartsWith("A Temporary Access Pass would satisfy the strength but would not work for Adele Vance yet: Adele Vance is not in the Temporary Access Pass policy's include targets", finding.Remediation);
            Assert.Contains("Either add Adele Vance to group 'TAP Onboarding', which the Temporary Access Pass policy includes, then issue a Temporary Access Pass with New-PasskeyBootstrapTap; or exclude Adele Vance", finding.Remediation);
            Assert.DoesNotContain("temporaryAccessPassOneTime", finding.Remediation);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_TapDisabledAndStrengthRejectsIt_NamesBothFixes()
        {
            var policy = new RegistrationPolicyBuilder("Phishing-resistant registration").Strength(RegistrationPolicyBuilder.PhishingResistant).Build();
            var tenant = new TenantBuilder().RegistrationPolicies(policy).Method(new TapPolicy(false, new[] { PolicyTarget.AllUsers() }, Array.Empty<PolicyTarget>(), 60, 60, 480, true, 8));

            var finding = Diagnose.Run(tenant, new UserBuilder()).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("RegistrationAuthStrengthUnmet", finding.ReasonCode);
            Assert.Equal("no: the Temporary Access Pass method is disabled; and the strength 'Phishing-resistant MFA' does not accept a Temporary Access Pass", finding.Evidence["tapWouldHelp"]);
            Assert.Contains("Either have an Authentication Policy Administrator enable the Temporary Access Pass method and allow temporaryAccessPassOneTime in the strength", finding.Remediation);
            Assert.DoesNotContain("New-PasskeyBootstrapTap", finding.Remediation);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_StrengthAcceptsOnlyMultiUsePassesButPolicyIssuesOneTime_SaysSo()
        {
            var multiUseOnly = new AuthenticationStrength("s-multi", "Multi-use TAP only", new IReadOnlyCollection<string>[] { new[] { "temporaryAccessPassMultiUse" } });
            var policy = new RegistrationPolicyBuilder().Strength(multiUseOnly).Build();
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding);

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), user);

            Assert.Contains("accepts only multi-use passes, and the TAP policy issues one-time passes", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["tapWouldHelp"]);
            Assert.DoesNotContain("-UsableOnce:$false", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_StrengthAcceptsOnlyMultiUsePassesAndPolicyAllowsThem_SaysIssueAMultiUsePass()
        {
            var multiUseOnly = new AuthenticationStrength("s-multi", "Multi-use TAP only", new IReadOnlyCollection<string>[] { new[] { "temporaryAccessPassMultiUse" } });
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder().Strength(multiUseOnly).Build()).Method(MultiUseTapPolicy());
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding);

            var finding = Diagnose.Run(tenant, user).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("RegistrationAuthStrengthUnmet", finding.ReasonCode);
            Assert.Equal("yes", finding.Evidence["tapWouldHelp"]);
            Assert.StartsWith("Issue a multi-use Temporary Access Pass with New-PasskeyBootstrapTap -UsableOnce:$false (the strength accepts only multi-use passes): the policy accepts one", finding.Remediation);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_MultiUsePassesAllowedButUserOutsideTapPolicy_TheLaterPassIsMultiUseToo()
        {
            var multiUseOnly = new AuthenticationStrength("s-multi", "Multi-use TAP only", new IReadOnlyCollection<string>[] { new[] { "temporaryAccessPassMultiUse" } });
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder().Strength(multiUseOnly).Build()).Method(MultiUseTapPolicy());

            var finding = Diagnose.Run(tenant, new UserBuilder()).Findings[PasskeyLayer.MfaBootstrap];

            Assert.StartsWith("A Temporary Access Pass would satisfy the strength but would not work for Adele Vance yet", finding.Remediation);
            Assert.Contains("then issue a multi-use Temporary Access Pass with New-PasskeyBootstrapTap -UsableOnce:$false", finding.Remediation);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_PasswordOnlyUser_TheStrengthIsTheReasonNotNoMfaMethod()
        {
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.PhishingResistant).Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder().WithMethods(UserBuilder.Password));

            Assert.Equal("RegistrationAuthStrengthUnmet", diagnosis.ReasonCode);
            Assert.Equal("password", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["userModes"]);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_UserHasAPasskey_StrengthIsMet()
        {
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.PhishingResistant).Build();
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey(), new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), user).Verdict);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_UsableOneTimeTap_StrengthIsMet()
        {
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.TapOrPasskey).Build();
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Tap(true, "EnabledByPolicy"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), user).Verdict);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_UsableMultiUseTap_DoesNotMeetAOneTimeOnlyStrength()
        {
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.TapOrPasskey).Build();
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MultiUseTap);

            Assert.Equal("RegistrationAuthStrengthUnmet", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), user).ReasonCode);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_PasswordPlusSmsCombination_IsMetByAMobilePhone()
        {
            var mfa = new AuthenticationStrength("s-mfa", "Multifactor authentication", new IReadOnlyCollection<string>[] { new[] { "password", "sms" }, new[] { "fido2" } });
            var policy = new RegistrationPolicyBuilder().Strength(mfa).Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_SmsDisabledByPolicy_PhoneNoLongerMeetsPasswordPlusSms()
        {
            var mfa = new AuthenticationStrength("s-mfa", "Multifactor authentication", new IReadOnlyCollection<string>[] { new[] { "password", "sms" } });
            var tenant = new TenantBuilder().Method(MethodPolicy.Disabled(MethodPolicyIds.Sms)).RegistrationPolicies(new RegistrationPolicyBuilder().Strength(mfa).Build());
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone, new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1"));

            Assert.Equal("RegistrationAuthStrengthUnmet", Diagnose.Run(tenant, user).ReasonCode);
        }

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

        [Fact]
        public void RegistrationDependsOnConditions_BlockOutsideTrustedLocations_Warns()
        {
            var policy = new RegistrationPolicyBuilder("Register from trusted locations").Grant("block").OutsideTrustedLocations().Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("RegistrationDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("except from trusted locations", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void RegistrationDependsOnConditions_AllLocationsWithoutExclusion_IsNotAConditionAndBlocks()
        {
            var policy = new RegistrationPolicyBuilder().Grant("block").Conditions(RegistrationPolicyBuilder.NoConditions with { IncludeLocations = new[] { "All" } }).Build();

            Assert.Equal("RegistrationBlockedByConditionalAccess", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void RegistrationBlocked_LegacyAuthenticationClientsOnly_NeverSeesARegistration()
        {
            var policy = new RegistrationPolicyBuilder("Block legacy authentication").Grant("block").ClientApps("exchangeActiveSync", "other").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Status);
        }

        [Fact]
        public void RegistrationBlocked_BrowserAndMobileApps_CoverEveryRegistrationSoItIsNoCondition()
        {
            var policy = new RegistrationPolicyBuilder().Grant("block").ClientApps("browser", "mobileAppsAndDesktopClients", "exchangeActiveSync").Build();

            Assert.Equal("RegistrationBlockedByConditionalAccess", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void RegistrationDependsOnConditions_BrowserOnlyWithLegacyClients_NamesOnlyTheBrowser()
        {
            var policy = new RegistrationPolicyBuilder().Grant("block").ClientApps("browser", "other").Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal("RegistrationDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("only for client apps browser", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void RegistrationDependsOnConditions_AClientAppTypeNotKnownHere_IsACondition()
        {
            var policy = new RegistrationPolicyBuilder().Grant("block").ClientApps("unknownFutureValue").Build();

            Assert.Equal("RegistrationDependsOnConditions", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void RegistrationDependsOnConditions_PlatformAndRisk_AreNamed()
        {
            var conditions = RegistrationPolicyBuilder.NoConditions with { IncludePlatforms = new[] { "android", "iOS" }, SignInRiskLevels = new[] { "high" } };
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.PhishingResistant).Conditions(conditions).Build();

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), new UserBuilder());

            Assert.Equal("RegistrationDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("only on android, iOS; only at sign-in risk high", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void ConditionalAccessUnavailable_PermissionMissing_IsUnknownNamingIt()
        {
            var tenant = new TenantBuilder().ConditionalAccess(ConditionalAccessEvidence.Unavailable(
                new EvidenceGap("Permission denied to read the Conditional Access policies. It needs the Microsoft Graph permission Policy.Read.All.", "Policy.Read.All")));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("ConditionalAccessUnavailable", diagnosis.ReasonCode);
            Assert.Equal("Policy.Read.All", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["missingPermission"]);
            Assert.StartsWith("Grant Policy.Read.All", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
            Assert.Contains("Policy.Read.All", diagnosis.Summary);
        }

        [Fact]
        public void ConditionalAccessUnavailable_ButSecurityDefaultsOn_CannotMatter()
        {
            var tenant = new TenantBuilder()
                .SecurityDefaults(SecurityDefaults.On)
                .ConditionalAccess(ConditionalAccessEvidence.Unavailable(new EvidenceGap("Permission denied.", "Policy.Read.All")));

            Assert.Equal(Verdict.Ready, Diagnose.Run(tenant, new UserBuilder()).Verdict);
        }

        [Fact]
        public void ConditionalAccessUnavailable_UserHasNoMfaMethod_TheFailureStillShows()
        {
            var tenant = new TenantBuilder().ConditionalAccess(ConditionalAccessEvidence.Unavailable(new EvidenceGap("Permission denied.", "Policy.Read.All")));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal("NoMfaCapableMethod", diagnosis.ReasonCode);
        }

        private static TapPolicy MultiUseTapPolicy() =>
            new TapPolicy(true, new[] { PolicyTarget.Group(TenantBuilder.TapOnboarding) }, Array.Empty<PolicyTarget>(), 60, 60, 480, false, 8);
    }
}
