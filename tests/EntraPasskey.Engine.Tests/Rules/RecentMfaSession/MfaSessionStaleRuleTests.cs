using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 4, MfaSessionStale (MfaSessionStaleRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class MfaSessionStaleRuleTests
    {
        [Fact]
        public void MfaSessionStale_MfaThreeHoursAgo_IsAdviceForTheMomentOfRegistrationAndTheUserStaysReady()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddHours(-3))));

            // Nobody has anything to fix: the user signs in again just before adding the passkey.
            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Null(diagnosis.Layer);
            Assert.Null(diagnosis.ReasonCode);
            Assert.Null(diagnosis.Owner);
            Assert.Null(diagnosis.Fix);
            var finding = diagnosis.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal(FindingStatus.Advice, finding.Status);
            Assert.Equal("MfaSessionStale", finding.ReasonCode);
            Assert.Equal("2026-11-25 09:00 UTC", finding.Evidence["lastMfaAt"]);
            Assert.Equal("Mobile app notification", finding.Evidence["lastMfaMethod"]);
            Assert.Contains("3 hours ago", finding.Message);
            Assert.StartsWith("Ready: ", diagnosis.Summary);
            // The summary repeats the instruction; the reason (when the last MFA was) stays in the finding.
            Assert.EndsWith(". Just before adding the passkey, Adele Vance should sign out and sign in again with MFA.", diagnosis.Summary);
        }

        [Theory]
        [InlineData(40, "40 minutes ago")]
        [InlineData(119, "119 minutes ago")]
        [InlineData(120, "2 hours ago")]
        [InlineData(24 * 60 - 1, "23 hours ago")]
        public void MfaSessionStale_Age_IsToldInMinutesThenHoursAcrossTheOneDayWindow(int minutes, string ago)
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-minutes))));

            Assert.Contains($"({ago}),", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Message);
        }

        [Fact]
        public void MfaSessionStale_ExactlyFiveMinutes_StillPasses()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-5))));

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.RecentMfaSession].Status);
            Assert.Equal("5", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["minutesAgo"]);
        }

        [Fact]
        public void MfaSessionStale_OneSecondPastFiveMinutes_Advises()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-5).AddSeconds(-1))));

            Assert.Equal(("MfaSessionStale", FindingStatus.Advice), (diagnosis.Findings[PasskeyLayer.RecentMfaSession].ReasonCode, diagnosis.Findings[PasskeyLayer.RecentMfaSession].Status));
        }

        [Fact]
        public void MfaSessionStale_NewerSingleFactorSignIn_TheOlderMfaSignInCounts()
        {
            var user = new UserBuilder().WithSignIns(UserBuilder.SingleFactorSignIn(Diagnose.Now.AddMinutes(-1)), UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-40)));

            Assert.Equal("MfaSessionStale", Diagnose.Run(new TenantBuilder(), user).Findings[PasskeyLayer.RecentMfaSession].ReasonCode);
        }

        [Fact]
        public void MfaSessionStale_MfaSatisfiedByAnEarlierToken_IsNotFreshMfa()
        {
            var carried = new SignInRecord("s-claim", Diagnose.Now.AddMinutes(-1), true, true, "multiFactorAuthentication",
                new[] { new AuthenticationStep(Diagnose.Now.AddMinutes(-1), "Previously satisfied", "MFA", true) }, "Windows10", "Edge 131.0.0", "Outlook");
            var user = new UserBuilder().WithSignIns(carried, UserBuilder.MfaSignIn(Diagnose.Now.AddHours(-2)));

            var diagnosis = Diagnose.Run(new TenantBuilder(), user);

            Assert.Equal("MfaSessionStale", diagnosis.Findings[PasskeyLayer.RecentMfaSession].ReasonCode);
            Assert.Equal("2026-11-25 10:00 UTC", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["lastMfaAt"]);
        }

        [Fact]
        public void MfaSessionStale_PasswordlessPasskeySignIn_CountsAsMfa()
        {
            var passkey = new SignInRecord("s-passkey", Diagnose.Now.AddMinutes(-2), true, true, "MultifactorAuthentication",
                new[] { new AuthenticationStep(Diagnose.Now.AddMinutes(-2), "Passkey (device-bound)", "Primary authentication", true) }, "Windows10", "Edge 131.0.0", "My Signins");

            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(passkey));

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.RecentMfaSession].Status);
            Assert.Equal("Passkey (device-bound)", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["lastMfaMethod"]);
        }
    }
}
