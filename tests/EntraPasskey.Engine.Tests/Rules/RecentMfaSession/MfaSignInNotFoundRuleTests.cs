using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 4, MfaSignInNotFound (MfaSignInNotFoundRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class MfaSignInNotFoundRuleTests
    {
        [Fact]
        public void MfaSignInNotFound_OnlySingleFactorSignIns_IsAdviceAndTheUserStaysReady()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.SingleFactorSignIn(Diagnose.Now.AddMinutes(-3))));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Null(diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal(("MfaSignInNotFound", FindingStatus.Advice), (finding.ReasonCode, finding.Status));
            Assert.StartsWith("Just before adding the passkey, Adele Vance should sign out and sign in again with MFA", finding.Message);
            Assert.EndsWith(" Just before adding the passkey, Adele Vance should sign out and sign in again with MFA.", diagnosis.Summary);
            Assert.Equal("singleFactorAuthentication", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["latestRequirement"]);
            Assert.Equal("2026-10-26 12:00 UTC", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["searchedSince"]);
        }

        [Fact]
        public void MfaSignInNotFound_NoSignInsAtAll_Advises()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns());

            Assert.Equal("MfaSignInNotFound", diagnosis.Findings[PasskeyLayer.RecentMfaSession].ReasonCode);
            Assert.Equal("none", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["latestSignIn"]);
        }

        [Fact]
        public void MfaSignInNotFound_FailedOrNonInteractiveMfa_DoesNotCount()
        {
            var failed = UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-1), id: "s-failed") with { Succeeded = false };
            var background = UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-2), id: "s-background") with { IsInteractive = false };

            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(failed, background));

            Assert.Equal("MfaSignInNotFound", diagnosis.Findings[PasskeyLayer.RecentMfaSession].ReasonCode);
            Assert.Contains("multiFactorAuthentication, failed)", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Message);
        }

        [Fact]
        public void MfaSignInNotFound_MfaSignInAtTheStartOfTheWindow_CountsAndIsStale()
        {
            // The single-factor history of MfaSignInNotFound_OnlySingleFactorSignIns_Warns, over the window the reader
            // searches, plus one MFA sign-in on the window's first instant: Graph's "createdDateTime ge" returns it.
            var since = Diagnose.Now - SignInReader.Window;
            var history = SignInHistory.Read(new[] { UserBuilder.SingleFactorSignIn(Diagnose.Now.AddMinutes(-3)), UserBuilder.MfaSignIn(since) }, since);

            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(history));

            var finding = diagnosis.Findings[PasskeyLayer.RecentMfaSession];
            Assert.NotEqual("MfaSignInNotFound", finding.ReasonCode);
            Assert.Equal("MfaSessionStale", finding.ReasonCode);
            Assert.Equal(FindingStatus.Advice, finding.Status);
            Assert.Equal("2026-11-25 11:00 UTC", finding.Evidence["lastMfaAt"]);
            Assert.Contains("60 minutes ago", finding.Message);
        }

        [Theory]
        [InlineData(60, "the last hour")]
        [InlineData(24 * 60, "the last 24 hours")]
        [InlineData(7 * 24 * 60, "the last 7 days")]
        public void MfaSignInNotFound_SaysHowFarBackTheLogsWereRead(int minutes, string readFor)
        {
            var since = Diagnose.Now.AddMinutes(-minutes);
            var history = SignInHistory.Read(new[] { UserBuilder.SingleFactorSignIn(Diagnose.Now.AddMinutes(-3)) }, since);

            var finding = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(history)).Findings[PasskeyLayer.RecentMfaSession];

            Assert.Equal("MfaSignInNotFound", finding.ReasonCode);
            Assert.Contains($"(sign-ins read for {readFor}; latest sign-in ", finding.Message);
            Assert.Equal(readFor, finding.Evidence["signInsReadFor"]);
        }
    }
}
