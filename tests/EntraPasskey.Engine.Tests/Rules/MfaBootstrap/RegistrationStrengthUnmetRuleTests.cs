using System.Collections.Generic;
using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using static EntraPasskey.Engine.Tests.Rules.ConditionalAccessCases;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, RegistrationAuthStrengthUnmet (RegistrationStrengthUnmetRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class RegistrationStrengthUnmetRuleTests
    {
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
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder().Strength(multiUseOnly).Build()).Method(MultiUseTapsAllowed);
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
            var tenant = new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder().Strength(multiUseOnly).Build()).Method(MultiUseTapsAllowed);

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
        public void RegistrationAuthStrengthUnmet_PhishingResistantAndTheOnlyPasskeyRejected_StrengthIsUnmet()
        {
            var policy = new RegistrationPolicyBuilder("Phishing-resistant registration").Strength(RegistrationPolicyBuilder.PhishingResistant).Build();
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5Nfc))).RegistrationPolicies(policy);

            var finding = Diagnose.Run(tenant, UserBuilder.PasswordAnd(UserBuilder.Passkey())).Findings[PasskeyLayer.MfaBootstrap];

            Assert.Equal("RegistrationAuthStrengthUnmet", finding.ReasonCode);
            Assert.Equal("password", finding.Evidence["userModes"]);
            Assert.StartsWith("passkey (FIDO2) 'YubiKey 5': ", finding.Evidence["passkeysRejectedByPolicy"]);
        }

        [Fact]
        public void RegistrationAuthStrengthUnmet_PhishingResistantAndThePasskeyAdmitted_StrengthIsMet()
        {
            var policy = new RegistrationPolicyBuilder("Phishing-resistant registration").Strength(RegistrationPolicyBuilder.PhishingResistant).Build();
            var tenant = Profiles.Tenant(Profiles.Make(Profiles.DefaultId, "Approved keys", restrictions: KeyRestrictions.Allow(Aaguids.YubiKey5))).RegistrationPolicies(policy);

            var diagnosis = Diagnose.Run(tenant, UserBuilder.PasswordAnd(UserBuilder.Passkey()));

            // The passkey meets the strength; what is left is that it is the user's only MFA method.
            Assert.Equal("SinglePasskeyNoBackup", diagnosis.ReasonCode);
        }
    }
}
