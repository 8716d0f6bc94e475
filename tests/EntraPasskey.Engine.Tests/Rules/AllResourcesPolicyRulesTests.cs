using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Layer 3: Conditional Access policies on All resources, which also cover signing in to Security info and
    /// Microsoft Authenticator to register: an authentication strength the user cannot meet (a registration loop when
    /// a Temporary Access Pass is refused too), and an approved client app or app protection policy that does not
    /// exclude the Microsoft Authenticator Credential Registration app.
    /// </summary>
    public sealed class AllResourcesPolicyRulesTests
    {
        private const string RoleGlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";
        private const string CredentialRegistrationApp = "6aa00308-ea33-4caa-90d6-ae905d8cb51b";

        private static RegistrationPolicyBuilder PhishingResistantEverywhere(string name = "Phishing-resistant MFA for all resources") =>
            new RegistrationPolicyBuilder(name).Strength(RegistrationPolicyBuilder.PhishingResistant);

        /// <summary>Microsoft Intune's usual mobile policy: approved client app or app protection policy on iOS and Android.</summary>
        private static RegistrationPolicyBuilder AppProtection(string name = "Require app protection on mobile") =>
            new RegistrationPolicyBuilder(name).Grant("approvedApplication", "compliantApplication").OnlyOn("android", "iOS");

        private static readonly AuthenticationStrength MultiUseTapOrPasskey = new AuthenticationStrength(
            "5a3b2c1d-0000-0000-0000-00000000000b", "Passkey onboarding (multi-use TAP or passkey)",
            new IReadOnlyCollection<string>[] { new[] { "temporaryAccessPassMultiUse" }, new[] { "fido2" } });

        private static readonly TapPolicy MultiUseTapsAllowed =
            new TapPolicy(true, new[] { PolicyTarget.Group(TenantBuilder.TapOnboarding) }, Array.Empty<PolicyTarget>(), 60, 60, 480, false, 8);

        private static RegistrationPolicyBuilder BlockEveryone(string name = "Block all sign-ins") =>
            new RegistrationPolicyBuilder(name).Grant("block");

        private static TenantBuilder Tenant(params RegistrationPolicyBuilder[] allResources) =>
            new TenantBuilder().AllResourcesPolicies(Array.ConvertAll(allResources, p => p.BuildAllResources()));

        private static FindingStatus Layer3(PasskeyDiagnosis diagnosis) => diagnosis.Findings[PasskeyLayer.MfaBootstrap].Status;

        // AllResourcesAuthStrengthUnmet

        [Fact]
        public void AllResourcesAuthStrengthUnmet_PhishingResistantAndNoPasskeyYet_BlocksAtLayer3AsALoop()
        {
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding);

            var diagnosis = Diagnose.Run(Tenant(PhishingResistantEverywhere()), user);

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("AllResourcesAuthStrengthUnmet", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("Phishing-resistant MFA for all resources", finding.Evidence["policy"]);
            Assert.Equal("All resources", finding.Evidence["resources"]);
            Assert.Equal("microsoftAuthenticatorPush, password", finding.Evidence["userModes"]);
            Assert.Equal("no: the strength 'Phishing-resistant MFA' does not accept a Temporary Access Pass", finding.Evidence["tapWouldHelp"]);
            Assert.Contains("would need a passkey to sign in before they can register their first one", finding.Message);
            Assert.StartsWith("Split 'Phishing-resistant MFA for all resources' into a desktop policy and a mobile (iOS/Android) policy", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_UserHasAPasskey_StrengthIsMetAndTheLayerPasses()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey(), new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1"));

            var diagnosis = Diagnose.Run(Tenant(PhishingResistantEverywhere()), user);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("'Phishing-resistant MFA for all resources'", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["allResourcesPolicies"]);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_ReportOnly_DoesNotBlock()
        {
            var diagnosis = Diagnose.Run(Tenant(PhishingResistantEverywhere().State(ConditionalAccessState.ReportOnly)), new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_Disabled_DoesNotBlock()
        {
            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(PhishingResistantEverywhere().State(ConditionalAccessState.Disabled)), new UserBuilder()).Verdict);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_UserExcludedByGroup_ExclusionWins()
        {
            var policy = PhishingResistantEverywhere().Users(includeUsers: new[] { "All" }, excludeGroups: new[] { TenantBuilder.Engineering });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_IncludedThroughAGroup_NamesIt()
        {
            var policy = PhishingResistantEverywhere().Users(includeGroups: new[] { TenantBuilder.Engineering });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering));

            Assert.Equal("AllResourcesAuthStrengthUnmet", diagnosis.ReasonCode);
            Assert.Equal("through group 'Engineering'", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["scope"]);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_MfaOnlyPolicy_IsNotAStrengthAndDoesNotBlock()
        {
            var diagnosis = Diagnose.Run(Tenant(new RegistrationPolicyBuilder("MFA for all resources").Grant("mfa")), new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_StrengthAcceptsTapAndUserInTapPolicy_SaysIssueATap()
        {
            var policy = new RegistrationPolicyBuilder("Passkey or TAP for all resources").Strength(RegistrationPolicyBuilder.TapOrPasskey);
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding);

            var diagnosis = Diagnose.Run(Tenant(policy), user);

            Assert.Equal("AllResourcesAuthStrengthUnmet", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("yes", finding.Evidence["tapWouldHelp"]);
            Assert.DoesNotContain("register their first one", finding.Message);
            Assert.StartsWith("Issue a Temporary Access Pass with New-PasskeyBootstrapTap", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_StrengthAcceptsTapButUserOutsideTapPolicy_SaysFixTheTapPolicy()
        {
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.TapOrPasskey);

            var finding = Diagnose.Run(Tenant(policy), new UserBuilder()).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("AllResourcesAuthStrengthUnmet", finding.ReasonCode);
            Assert.StartsWith("'Passkey onboarding (TAP or passkey)' accepts a Temporary Access Pass, but a new pass would not work for Adele Vance yet: Adele Vance is not in the Temporary Access Pass policy's include targets", finding.Remediation);
            Assert.EndsWith("then issue a Temporary Access Pass with New-PasskeyBootstrapTap.", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_LoopAndUserOutsideTapPolicy_SaysBothNeedFixing()
        {
            var finding = Diagnose.Run(Tenant(PhishingResistantEverywhere()), new UserBuilder()).Findings[PasskeyLayer.MfaBootstrap];

            Assert.StartsWith("Split ", finding.Remediation);
            Assert.Contains(" A pass would not work for Adele Vance yet either: Adele Vance is not in the Temporary Access Pass policy's include targets", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_UsableTapTheStrengthAccepts_IsMet()
        {
            var policy = new RegistrationPolicyBuilder().Strength(RegistrationPolicyBuilder.TapOrPasskey);
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Tap(true, "EnabledByPolicy"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), user).Verdict);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_PasswordOnlyUser_TheLoopIsTheReasonNotNoMfaMethod()
        {
            var diagnosis = Diagnose.Run(Tenant(PhishingResistantEverywhere()), new UserBuilder().WithMethods(UserBuilder.Password));

            Assert.Equal("AllResourcesAuthStrengthUnmet", diagnosis.ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_ARegistrationPolicyAlsoBlocks_TheRegistrationPolicyIsReportedFirst()
        {
            var tenant = Tenant(PhishingResistantEverywhere())
                .RegistrationPolicies(new RegistrationPolicyBuilder("Block registration").Grant("block").Build());

            var diagnosis = Diagnose.Run(tenant, new UserBuilder());

            Assert.Equal("RegistrationBlockedByConditionalAccess", diagnosis.ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_SecurityDefaultsOn_ConditionalAccessIsNotInEffect()
        {
            var tenant = Tenant(PhishingResistantEverywhere()).SecurityDefaults(SecurityDefaults.On);

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(tenant, new UserBuilder())));
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_StrengthAcceptsOnlyMultiUsePassesAndPolicyAllowsThem_SaysIssueItMultiUse()
        {
            var policy = new RegistrationPolicyBuilder("Multi-use TAP or passkey for all resources").Strength(MultiUseTapOrPasskey);
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding);

            var finding = Diagnose.Run(Tenant(policy).Method(MultiUseTapsAllowed), user).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("AllResourcesAuthStrengthUnmet", finding.ReasonCode);
            Assert.Equal("yes", finding.Evidence["tapWouldHelp"]);
            Assert.DoesNotContain("register their first one", finding.Message);
            Assert.StartsWith("Issue a multi-use Temporary Access Pass with New-PasskeyBootstrapTap -UsableOnce:$false (the strength accepts only multi-use passes): 'Passkey onboarding (multi-use TAP or passkey)' accepts one", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_StrengthAcceptsOnlyMultiUsePassesButPolicyIssuesOneTime_MessageAndRemedyAgreeNoPassHelps()
        {
            var policy = new RegistrationPolicyBuilder("Multi-use TAP or passkey for all resources").Strength(MultiUseTapOrPasskey);
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding);

            var finding = Diagnose.Run(Tenant(policy), user).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("no: the strength 'Passkey onboarding (multi-use TAP or passkey)' accepts only multi-use passes, and the TAP policy issues one-time passes", finding.Evidence["tapWouldHelp"]);
            Assert.Contains("The strength 'Passkey onboarding (multi-use TAP or passkey)' accepts only multi-use passes, and the TAP policy issues one-time passes, so Adele Vance would need a passkey to sign in before they can register their first one.", finding.Message);
            Assert.StartsWith("Split ", finding.Remediation);
            Assert.DoesNotContain("Issue a", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_StrengthOfPassesOnlyThatNoPassMeets_DoesNotTalkOfPasskeys()
        {
            var multiUseOnly = new AuthenticationStrength("s-multi", "Multi-use TAP only", new IReadOnlyCollection<string>[] { new[] { "temporaryAccessPassMultiUse" } });
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding);

            var finding = Diagnose.Run(Tenant(new RegistrationPolicyBuilder().Strength(multiUseOnly)), user).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("AllResourcesAuthStrengthUnmet", finding.ReasonCode);
            Assert.EndsWith("so nothing Adele Vance has or can be issued meets it.", finding.Message);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_PolicyExcludesTheRegistrationAppAndAnAuthenticatorAttempt_DoesNotCoverIt()
        {
            var policy = PhishingResistantEverywhere().ExcludeApplications(CredentialRegistrationApp);

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(FindingStatus.Pass, Layer3(diagnosis));
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_PolicyExcludesTheRegistrationAppButASecurityKeyAttempt_StillBlocks()
        {
            // A security key is registered in Security info in the browser, which the exclusion does not touch.
            var policy = PhishingResistantEverywhere().ExcludeApplications(CredentialRegistrationApp);

            Assert.Equal("AllResourcesAuthStrengthUnmet", Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.YubiKey5Nfc).ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_PolicyExcludesTheRegistrationAppAndNoAttemptGiven_StillBlocks()
        {
            var policy = PhishingResistantEverywhere().ExcludeApplications(CredentialRegistrationApp);

            Assert.Equal("AllResourcesAuthStrengthUnmet", Diagnose.Run(Tenant(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_RegistrationAppExcludedButAnAuthenticatorAttemptFromAComputer_StillBlocks()
        {
            // From a computer the user signs in to Security info in the browser and scans a code with the phone; the
            // exclusion spares only the app's own sign-in, so the browser's sign-in still needs the strength.
            var policy = PhishingResistantEverywhere().ExcludeApplications(CredentialRegistrationApp);

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "Windows", "11");

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthUnmet", diagnosis.ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_MobileOnlyPolicyAndAnAuthenticatorAttemptOnThatPhone_BlocksWithoutACondition()
        {
            var policy = PhishingResistantEverywhere("Phishing-resistant MFA on phones").OnlyOn("iOS", "android");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("AllResourcesAuthStrengthUnmet", diagnosis.ReasonCode);
            Assert.False(diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence.ContainsKey("conditions"));
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_DesktopOnlyPolicyAndAnAuthenticatorAttemptOnAPhone_DoesNotApply()
        {
            // The split the remediation recommends: registering in Authenticator on the phone is then left alone.
            var policy = PhishingResistantEverywhere("Phishing-resistant MFA on desktops").OnlyOn("windows", "macOS");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorAndroid, "Android", "14");

            Assert.Equal(FindingStatus.Pass, Layer3(diagnosis));
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_OrHybridJoinedAndAnAuthenticatorAttempt_APhoneIsNeverHybridJoined()
        {
            var policy = PhishingResistantEverywhere().Grant("domainJoinedDevice");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorAndroid, "Android", "14");

            Assert.Equal("AllResourcesAuthStrengthUnmet", diagnosis.ReasonCode);
            Assert.Equal("authentication strength 'Phishing-resistant MFA' (or a Microsoft Entra hybrid joined device, which registering in Microsoft Authenticator cannot satisfy)", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["unmet"]);
        }

        [Fact]
        public void AllResourcesAuthStrengthUnmet_OrApprovedAppAndAnAuthenticatorAttempt_TheRegistrationAppIsNotApproved()
        {
            var policy = PhishingResistantEverywhere().Grant("approvedApplication");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthUnmet", diagnosis.ReasonCode);
        }

        // AllResourcesAuthStrengthDependsOnConditions

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrCompliantDevice_WarnsThatElsewhereTheStrengthIsTheOnlyWay()
        {
            var policy = PhishingResistantEverywhere("Phishing-resistant MFA or a compliant device").Grant("compliantDevice");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("authentication strength 'Phishing-resistant MFA'", finding.Evidence["unmet"]);
            Assert.Equal("a compliant device", finding.Evidence["satisfiedInsteadBy"]);
            Assert.False(finding.Evidence.ContainsKey("conditions"));
            Assert.Contains("Microsoft Authenticator, unless the sign-in comes from a compliant device, and none of Adele Vance's usable methods meets it", finding.Message);
            Assert.StartsWith("Have the user register from a compliant device, which 'Phishing-resistant MFA or a compliant device' accepts instead of the strength. Otherwise: Split ", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrCompliantDeviceButUserHasAPasskey_IsMet()
        {
            var policy = PhishingResistantEverywhere().Grant("compliantDevice");
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey(), UserBuilder.Passkey("passkey-2"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), user).Verdict);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrHybridJoinedOrCompliant_NamesBoth()
        {
            var policy = PhishingResistantEverywhere().Grant("compliantDevice", "domainJoinedDevice");

            var finding = Diagnose.Run(Tenant(policy), new UserBuilder()).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", finding.ReasonCode);
            Assert.Equal("a compliant device or a Microsoft Entra hybrid joined device", finding.Evidence["satisfiedInsteadBy"]);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrApprovedAppAndASecurityKeyAttempt_WarnsNotReady()
        {
            // The app-protection side does not concern a security key, but the browser it registers in is no approved app.
            var policy = PhishingResistantEverywhere().Grant("approvedApplication");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.YubiKey5Nfc);

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("an approved client app", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["satisfiedInsteadBy"]);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthOrCompliantDeviceAndAnAuthenticatorAttempt_ACompliantPhoneMayDo()
        {
            var policy = PhishingResistantEverywhere().Grant("compliantDevice");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_StrengthAndCompliantDevice_BothAreNeededSoItBlocks()
        {
            var policy = PhishingResistantEverywhere().Grant("compliantDevice").RequireAll();

            Assert.Equal("AllResourcesAuthStrengthUnmet", Diagnose.Run(Tenant(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_DesktopOnlyPolicy_WarnsNamingThePlatforms()
        {
            var policy = PhishingResistantEverywhere("Phishing-resistant MFA on desktops").OnlyOn("windows", "macOS");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("only on windows, macOS", finding.Evidence["conditions"]);
            Assert.StartsWith("Have the user register where 'Phishing-resistant MFA on desktops' does not apply (only on windows, macOS)", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_RegistrationAppExcludedAndTheDeviceUnknown_OnlyTheAppEscapes()
        {
            // An Authenticator passkey with no -Platform: registered in the app on the phone it escapes the policy,
            // started from a computer it does not, so the answer is a warning, never a Pass.
            var policy = PhishingResistantEverywhere().ExcludeApplications(CredentialRegistrationApp);

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos);

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AllResourcesAuthStrengthDependsOnConditions", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("except when registering in the Microsoft Authenticator app on the phone, which it excludes", finding.Evidence["conditions"]);
            Assert.StartsWith("Have the user register where 'Phishing-resistant MFA for all resources' does not apply (except when registering in the Microsoft Authenticator app on the phone, which it excludes)", finding.Remediation);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_AllLocationsWithoutExclusion_IsNotAConditionAndBlocks()
        {
            var policy = PhishingResistantEverywhere().Conditions(RegistrationPolicyBuilder.NoConditions with { IncludeLocations = new[] { "All" } });

            Assert.Equal("AllResourcesAuthStrengthUnmet", Diagnose.Run(Tenant(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesAuthStrengthDependsOnConditions_OutsideTrustedLocationsButUserHasAPasskey_IsMet()
        {
            var policy = PhishingResistantEverywhere().OutsideTrustedLocations();
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey(), UserBuilder.Passkey("passkey-2"));

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), user).Verdict);
        }

        // AllResourcesBlocked

        [Fact]
        public void AllResourcesBlocked_BlockForAllUsers_BlocksAtLayer3()
        {
            var diagnosis = Diagnose.Run(Tenant(BlockEveryone()), new UserBuilder());

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("AllResourcesBlocked", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("Block all sign-ins", finding.Evidence["policy"]);
            Assert.Equal("All resources", finding.Evidence["resources"]);
            Assert.Equal("all users", finding.Evidence["scope"]);
            Assert.Equal("block access", finding.Evidence["unmet"]);
            Assert.Contains("cannot sign in to register a passkey", finding.Message);
            Assert.Contains("a Temporary Access Pass cannot get past a block", finding.Remediation);
        }

        [Fact]
        public void AllResourcesBlocked_LegacyAuthenticationClientsOnly_NeverSeesARegistration()
        {
            var policy = BlockEveryone("Block legacy authentication").ClientApps("exchangeActiveSync", "other");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal(FindingStatus.Pass, Layer3(diagnosis));
        }

        [Theory]
        [InlineData("all")]
        [InlineData("browser", "mobileAppsAndDesktopClients")]
        [InlineData("browser", "mobileAppsAndDesktopClients", "exchangeActiveSync", "other")]
        public void AllResourcesBlocked_ClientAppsCoveringBrowserAndApps_IsNoCondition(params string[] clientApps)
        {
            Assert.Equal("AllResourcesBlocked", Diagnose.Run(Tenant(BlockEveryone().ClientApps(clientApps)), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesBlocked_UserExcludedByGroup_ExclusionWins()
        {
            var policy = BlockEveryone().Users(includeUsers: new[] { "All" }, excludeGroups: new[] { TenantBuilder.Engineering });

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering)).Verdict);
        }

        [Fact]
        public void AllResourcesBlocked_ReportOnly_DoesNotBlock()
        {
            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(BlockEveryone().State(ConditionalAccessState.ReportOnly)), new UserBuilder()).Verdict);
        }

        [Fact]
        public void AllResourcesBlocked_ComesBeforeTheMissingMfaMethodAndTheRegistrationStrength()
        {
            var tenant = Tenant(BlockEveryone())
                .RegistrationPolicies(new RegistrationPolicyBuilder("Phishing-resistant registration").Strength(RegistrationPolicyBuilder.PhishingResistant).Build());

            Assert.Equal("AllResourcesBlocked", Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password)).ReasonCode);
        }

        [Fact]
        public void AllResourcesBlocked_ABlockOnTheRegistrationActionToo_TheRegistrationPolicyIsReportedFirst()
        {
            var tenant = Tenant(BlockEveryone()).RegistrationPolicies(new RegistrationPolicyBuilder("Block registration").Grant("block").Build());

            Assert.Equal("RegistrationBlockedByConditionalAccess", Diagnose.Run(tenant, new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesBlocked_RegistrationAppExcludedAndAnAuthenticatorAttempt_DoesNotCoverIt()
        {
            var policy = BlockEveryone().ExcludeApplications(CredentialRegistrationApp);

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AllResourcesBlocked_RegistrationAppExcludedButAnAuthenticatorAttemptFromAComputer_StillBlocks()
        {
            var policy = BlockEveryone().ExcludeApplications(CredentialRegistrationApp);

            Assert.Equal("AllResourcesBlocked", Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "macOS", "14").ReasonCode);
        }

        [Fact]
        public void AllResourcesBlockDependsOnConditions_RegistrationAppExcludedAndTheDeviceUnknown_OnlyTheAppEscapes()
        {
            var policy = BlockEveryone().ExcludeApplications(CredentialRegistrationApp);

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorAndroid);

            Assert.Equal("AllResourcesBlockDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal(AllResourcesPolicies.ExceptInTheApp, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void AllResourcesBlocked_SecurityDefaultsOn_ConditionalAccessIsNotInEffect()
        {
            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(BlockEveryone()).SecurityDefaults(SecurityDefaults.On), new UserBuilder())));
        }

        // AllResourcesBlockDependsOnConditions

        [Fact]
        public void AllResourcesBlockDependsOnConditions_OutsideTrustedLocations_Warns()
        {
            var policy = BlockEveryone("Block sign-ins outside trusted locations").OutsideTrustedLocations();

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("AllResourcesBlockDependsOnConditions", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("except from trusted locations", finding.Evidence["conditions"]);
            Assert.StartsWith("Have the user register where 'Block sign-ins outside trusted locations' does not block sign-in (it blocks except from trusted locations)", finding.Remediation);
        }

        [Fact]
        public void AllResourcesBlockDependsOnConditions_AllLocationsWithoutExclusion_IsNotAConditionAndBlocks()
        {
            var policy = BlockEveryone().Conditions(RegistrationPolicyBuilder.NoConditions with { IncludeLocations = new[] { "All" } });

            Assert.Equal("AllResourcesBlocked", Diagnose.Run(Tenant(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesBlockDependsOnConditions_BrowserOnly_NamesTheClientApp()
        {
            var policy = BlockEveryone().ClientApps("browser");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal("AllResourcesBlockDependsOnConditions", diagnosis.ReasonCode);
            Assert.Equal("only for client apps browser", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void AllResourcesBlockDependsOnConditions_OnlyOnAndroidForAUserOutsideScope_DoesNotApply()
        {
            var policy = BlockEveryone().OnlyOn("android").Users(includeGroups: new[] { TenantBuilder.Engineering });

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), new UserBuilder()).Verdict);
        }

        // AllResourcesScopeUnknown

        [Fact]
        public void AllResourcesScopeUnknown_StrengthPolicyOnlyForRoles_IsUnknownNotReady()
        {
            var policy = PhishingResistantEverywhere("Admins sign in phishing-resistant").Users(includeRoles: new[] { RoleGlobalAdministrator });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal("AllResourcesScopeUnknown", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Contains("role membership is not read", finding.Message);
            Assert.Contains("If so, they are blocked: Split 'Admins sign in phishing-resistant'", finding.Remediation);
        }

        [Fact]
        public void AllResourcesScopeUnknown_BlockOnlyForRoles_IsUnknownNotReady()
        {
            var policy = BlockEveryone("Block sign-ins for break-glass roles").Users(includeRoles: new[] { RoleGlobalAdministrator });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("AllResourcesScopeUnknown", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Contains("blocks sign-in to every resource", finding.Message);
            Assert.Contains("If so, they are blocked: Find out why 'Block sign-ins for break-glass roles' blocks Adele Vance", finding.Remediation);
        }

        [Fact]
        public void AllResourcesScopeUnknown_RolesAndAllUsers_TheUserIsInScopeAnyway()
        {
            var policy = PhishingResistantEverywhere().Users(includeUsers: new[] { "All" }, includeRoles: new[] { RoleGlobalAdministrator });

            Assert.Equal("AllResourcesAuthStrengthUnmet", Diagnose.Run(Tenant(policy), new UserBuilder()).ReasonCode);
        }

        [Fact]
        public void AllResourcesScopeUnknown_AppProtectionForRolesAndAnAuthenticatorAttempt_IsUnknown()
        {
            var policy = AppProtection().Users(includeRoles: new[] { RoleGlobalAdministrator });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("AllResourcesScopeUnknown", diagnosis.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
            Assert.Contains(CredentialRegistrationApp, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
        }

        [Fact]
        public void AllResourcesScopeUnknown_AppProtectionForRolesWithoutAnAttempt_IsOnlyAWarning()
        {
            var policy = AppProtection().Users(includeRoles: new[] { RoleGlobalAdministrator });

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder());

            Assert.Equal("AuthenticatorAppProtectionNotExcluded", diagnosis.ReasonCode);
            Assert.Contains("role membership is not read", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Message);
        }

        // AuthenticatorBlockedByAppProtection

        [Fact]
        public void AuthenticatorBlockedByAppProtection_AuthenticatorAttemptOnIos_BlocksAtLayer3NamingTheAppToExclude()
        {
            var diagnosis = Diagnose.Run(Tenant(AppProtection()), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("AuthenticatorBlockedByAppProtection", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("an approved client app or an app protection policy", finding.Evidence["unmet"]);
            Assert.Equal("Microsoft Authenticator on iOS", finding.Evidence["attempt"]);
            Assert.False(finding.Evidence.ContainsKey("conditions"));
            Assert.Contains("'Require app protection on mobile'", finding.Message);
            Assert.StartsWith("Add the Microsoft Authenticator Credential Registration (" + CredentialRegistrationApp + ") app to the excluded resources of 'Require app protection on mobile'", finding.Remediation);
            Assert.Contains("New-MgServicePrincipal -AppId " + CredentialRegistrationApp, finding.Remediation);
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_AndControlWithMfa_StillBlocksOnAndroid()
        {
            var policy = new RegistrationPolicyBuilder("MFA and an approved app").Grant("mfa", "approvedApplication").RequireAll();

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorAndroid, "Android", "14");

            Assert.Equal("AuthenticatorBlockedByAppProtection", diagnosis.ReasonCode);
            Assert.Equal("Microsoft Authenticator on android", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["attempt"]);
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_RegistrationAppExcluded_DoesNotBlock()
        {
            var policy = AppProtection().ExcludeApplications(CredentialRegistrationApp);

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal(FindingStatus.Pass, Layer3(diagnosis));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_UserExcludedByGroup_DoesNotBlock()
        {
            var policy = AppProtection().Users(includeUsers: new[] { "All" }, excludeGroups: new[] { TenantBuilder.Engineering });
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.Engineering);

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), user, Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_ReportOnly_DoesNotBlock()
        {
            var policy = AppProtection().State(ConditionalAccessState.ReportOnly);

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_OrMfa_TheSignInTakesTheMfaRoute()
        {
            var policy = new RegistrationPolicyBuilder().Grant("mfa", "approvedApplication");

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_PolicyOnlyOnAndroid_DoesNotTouchAnIosAttempt()
        {
            var policy = AppProtection().OnlyOn("android");

            Assert.Equal(FindingStatus.Pass, Layer3(Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4")));
        }

        [Fact]
        public void AuthenticatorBlockedByAppProtection_UserWithoutAnMfaMethod_TheMissingMethodComesFirst()
        {
            var diagnosis = Diagnose.Run(Tenant(AppProtection()), new UserBuilder().WithMethods(UserBuilder.Password), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("NoMfaCapableMethod", diagnosis.ReasonCode);
        }

        // AuthenticatorAppProtectionNotExcluded

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_NoAaguid_WarnsNamingTheAuthenticatorPath()
        {
            var diagnosis = Diagnose.Run(Tenant(AppProtection()), new UserBuilder());

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("AuthenticatorAppProtectionNotExcluded", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Contains("a passkey cannot be registered in Microsoft Authenticator", finding.Message);
            Assert.Contains("pass -Aaguid", finding.Message);
            Assert.Equal("only on android, iOS", finding.Evidence["conditions"]);
            Assert.Equal("not given", finding.Evidence["attempt"]);
            Assert.StartsWith("Add the Microsoft Authenticator Credential Registration", finding.Remediation);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_ASecurityKeyAttempt_DoesNotConcernIt()
        {
            // A security key is registered in the browser, never through the Authenticator app the policy guards.
            var diagnosis = Diagnose.Run(Tenant(AppProtection()), new UserBuilder(), Aaguids.YubiKey5Nfc);

            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal(FindingStatus.Pass, finding.Status);
            Assert.Null(finding.ReasonCode);
            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_AnAttemptTheCatalogDoesNotKnow_WarnsThatItMayGoThroughAuthenticator()
        {
            var unknown = new System.Guid("0d9a2f4e-7b31-4c85-9e60-2a4f8c1d3b57");

            var finding = Diagnose.Run(Tenant(AppProtection()), new UserBuilder(), unknown).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("AuthenticatorAppProtectionNotExcluded", finding.ReasonCode);
            Assert.Equal(FindingStatus.Warn, finding.Status);
            Assert.Contains("is not in the catalog", finding.Message);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_CompliantPhoneAlsoAccepted_WarnsEvenForAnAuthenticatorAttempt()
        {
            var policy = new RegistrationPolicyBuilder().Grant("approvedApplication", "compliantDevice");

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("AuthenticatorAppProtectionNotExcluded", diagnosis.ReasonCode);
            Assert.Contains("a compliant phone also satisfies it", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Message);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_OutsideTrustedLocations_WarnsEvenForAnAuthenticatorAttempt()
        {
            var policy = AppProtection().OutsideTrustedLocations();

            var diagnosis = Diagnose.Run(Tenant(policy), new UserBuilder(), Aaguids.AuthenticatorIos, "iOS", "17.4");

            Assert.Equal("AuthenticatorAppProtectionNotExcluded", diagnosis.ReasonCode);
            Assert.Equal("except from trusted locations", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["conditions"]);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_DesktopOnlyPolicy_CannotReachAuthenticator()
        {
            var policy = new RegistrationPolicyBuilder("Approved apps on desktops").Grant("approvedApplication").OnlyOn("windows", "macOS");

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), new UserBuilder()).Verdict);
        }

        [Fact]
        public void AuthenticatorAppProtectionNotExcluded_RegistrationAppExcluded_NoWarning()
        {
            var policy = AppProtection().ExcludeApplications(CredentialRegistrationApp.ToUpperInvariant());

            Assert.Equal(Verdict.Ready, Diagnose.Run(Tenant(policy), new UserBuilder()).Verdict);
        }
    }
}
