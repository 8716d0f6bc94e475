using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Layer 3, PasskeyOutsideAuthenticationStrength (PasskeyOutsideStrengthRule): a strength whose fido2 combination
    /// configuration allows only some AAGUIDs, judged against the attempt, and what it does to the user's own passkeys.
    /// </summary>
    public sealed class PasskeyOutsideStrengthRuleTests
    {
        /// <summary>Phishing-resistant MFA narrowed to YubiKey 5 NFC (conditional-access-policies.json shows the shape).</summary>
        private static readonly AuthenticationStrength CompanyKeys = new AuthenticationStrength(
            "s-keys", "Company security keys", new IReadOnlyCollection<string>[] { new[] { "fido2" }, new[] { "temporaryAccessPassOneTime" } })
        {
            AllowedFido2Aaguids = new[] { Aaguids.YubiKey5Nfc },
        };

        private static TenantBuilder Tenant() =>
            new TenantBuilder().RegistrationPolicies(new RegistrationPolicyBuilder("Keys to register").Strength(CompanyKeys).Build());

        [Fact]
        public void PasskeyOutsideAuthenticationStrength_AttemptNotAllowed_WarnsNamingTheAcceptedModel()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey() with { Aaguid = Aaguids.YubiKey5Nfc });

            var diagnosis = Diagnose.Run(Tenant().Build(), user.Build(), new AttemptHints(Aaguids.AuthenticatorIos, null, null, null));

            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal((Verdict.AtRisk, "PasskeyOutsideAuthenticationStrength", FindingStatus.Warn), (diagnosis.Verdict, diagnosis.ReasonCode, finding.Status));
            Assert.Contains("accepts only YubiKey 5 Series with NFC", finding.Message);
            Assert.Contains("the passkey being registered (Microsoft Authenticator", finding.Message);
            Assert.Equal(Aaguids.AuthenticatorIos.ToString(), finding.Evidence["attemptAaguid"]);
        }

        [Fact]
        public void PasskeyOutsideAuthenticationStrength_AttemptAllowed_Passes()
        {
            // Authenticator too, so the single passkey is not the only method (SinglePasskeyNoBackup would warn).
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.40"), UserBuilder.Passkey() with { Aaguid = Aaguids.YubiKey5Nfc });

            var diagnosis = Diagnose.Run(Tenant().Build(), user.Build(), new AttemptHints(Aaguids.YubiKey5Nfc, null, null, null));

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.MfaBootstrap].Status);
        }

        [Fact]
        public void PasskeyOutsideAuthenticationStrength_NoAaguid_AdvisesWhichModelAndLeavesTheUserReady()
        {
            // Authenticator too, so the single passkey is not the only method (SinglePasskeyNoBackup would warn).
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Authenticator("6.8.40"), UserBuilder.Passkey() with { Aaguid = Aaguids.YubiKey5Nfc });

            var diagnosis = Diagnose.Run(Tenant(), user);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];

            // Nothing is wrong until a passkey of another model is chosen: which one to choose is said, not warned.
            Assert.Equal(("PasskeyOutsideAuthenticationStrength", FindingStatus.Advice), (finding.ReasonCode, finding.Status));
            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.StartsWith("Use YubiKey 5 Series with NFC for the passkey: ", finding.Message);
            Assert.EndsWith(" Use YubiKey 5 Series with NFC for the passkey.", diagnosis.Summary);
            Assert.Contains("-Aaguid", finding.Remediation);
        }

        [Fact]
        public void PasskeyOutsideAuthenticationStrength_StrengthWithoutAaguidList_SaysNothing()
        {
            var open = new RegistrationPolicyBuilder("Any passkey").Strength(RegistrationPolicyBuilder.PhishingResistant).Build();
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey());

            var diagnosis = Diagnose.Run(new TenantBuilder().RegistrationPolicies(open).Build(), user.Build(), new AttemptHints(Aaguids.AuthenticatorIos, null, null, null));

            Assert.NotEqual("PasskeyOutsideAuthenticationStrength", diagnosis.Findings[PasskeyLayer.MfaBootstrap].ReasonCode);
        }

        /// <summary>The user's own passkey of another model does not meet the narrowed strength, so registering is blocked.</summary>
        [Fact]
        public void NarrowedStrength_UsersPasskeyOfAnotherModel_DoesNotMeetIt()
        {
            var strength = CompanyKeys with { AllowedCombinations = new IReadOnlyCollection<string>[] { new[] { "fido2" } } };
            var policy = new RegistrationPolicyBuilder("Keys only").Strength(strength).Build();
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey() with { Aaguid = Aaguids.AuthenticatorIos });
            var allowed = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Passkey() with { Aaguid = Aaguids.YubiKey5Nfc });

            Assert.Equal("RegistrationAuthStrengthUnmet", Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), user).ReasonCode);
            Assert.NotEqual(Verdict.Blocked, Diagnose.Run(new TenantBuilder().RegistrationPolicies(policy), allowed).Verdict);
        }
    }
}
