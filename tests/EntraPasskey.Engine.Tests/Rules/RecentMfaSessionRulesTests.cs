using System;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 4: MFA within the last 5 minutes, from the sign-in logs. Warn at most, Unknown without logs.</summary>
    public sealed class RecentMfaSessionRulesTests
    {
        [Fact]
        public void MfaSessionStale_MfaThreeHoursAgo_WarnsAndTheUserOwnsIt()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddHours(-3))));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal("MfaSessionStale", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.User, diagnosis.Owner);
            var finding = diagnosis.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal(FindingStatus.Warn, finding.Status);
            Assert.Equal("2026-11-25 09:00 UTC", finding.Evidence["lastMfaAt"]);
            Assert.Equal("Mobile app notification", finding.Evidence["lastMfaMethod"]);
            Assert.Contains("3 hours ago", finding.Message);
        }

        [Theory]
        [InlineData(40, "40 minutes ago")]
        [InlineData(119, "119 minutes ago")]
        [InlineData(120, "2 hours ago")]
        [InlineData(24 * 60 - 1, "23 hours ago")]
        public void MfaSessionStale_Age_IsToldInMinutesThenHoursAcrossTheOneDayWindow(int minutes, string ago)
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-minutes))));

            Assert.Contains($"({ago});", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Message);
        }

        [Fact]
        public void MfaSessionStale_ExactlyFiveMinutes_StillPasses()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-5))));

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.RecentMfaSession].Status);
            Assert.Equal("5", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["minutesAgo"]);
        }

        [Fact]
        public void MfaSessionStale_OneSecondPastFiveMinutes_Warns()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-5).AddSeconds(-1))));

            Assert.Equal("MfaSessionStale", diagnosis.ReasonCode);
        }

        [Fact]
        public void MfaSessionStale_NewerSingleFactorSignIn_TheOlderMfaSignInCounts()
        {
            var user = new UserBuilder().WithSignIns(UserBuilder.SingleFactorSignIn(Diagnose.Now.AddMinutes(-1)), UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-40)));

            Assert.Equal("MfaSessionStale", Diagnose.Run(new TenantBuilder(), user).ReasonCode);
        }

        [Fact]
        public void MfaSessionStale_MfaSatisfiedByAnEarlierToken_IsNotFreshMfa()
        {
            var carried = new SignInRecord("s-claim", Diagnose.Now.AddMinutes(-1), true, true, "multiFactorAuthentication",
                new[] { new AuthenticationStep(Diagnose.Now.AddMinutes(-1), "Previously satisfied", "MFA", true) }, "Windows10", "Edge 131.0.0", "Outlook");
            var user = new UserBuilder().WithSignIns(carried, UserBuilder.MfaSignIn(Diagnose.Now.AddHours(-2)));

            var diagnosis = Diagnose.Run(new TenantBuilder(), user);

            Assert.Equal("MfaSessionStale", diagnosis.ReasonCode);
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

        [Fact]
        public void MfaSignInNotFound_OnlySingleFactorSignIns_Warns()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(UserBuilder.SingleFactorSignIn(Diagnose.Now.AddMinutes(-3))));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("MfaSignInNotFound", diagnosis.ReasonCode);
            Assert.Equal(OwnerQueue.User, diagnosis.Owner);
            Assert.Equal("singleFactorAuthentication", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["latestRequirement"]);
            Assert.Equal("2026-10-26 12:00 UTC", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["searchedSince"]);
        }

        [Fact]
        public void MfaSignInNotFound_NoSignInsAtAll_Warns()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns());

            Assert.Equal("MfaSignInNotFound", diagnosis.ReasonCode);
            Assert.Equal("none", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Evidence["latestSignIn"]);
        }

        [Fact]
        public void MfaSignInNotFound_FailedOrNonInteractiveMfa_DoesNotCount()
        {
            var failed = UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-1), id: "s-failed") with { Succeeded = false };
            var background = UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(-2), id: "s-background") with { IsInteractive = false };

            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(failed, background));

            Assert.Equal("MfaSignInNotFound", diagnosis.ReasonCode);
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

            Assert.NotEqual("MfaSignInNotFound", diagnosis.ReasonCode);
            Assert.Equal("MfaSessionStale", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal(FindingStatus.Warn, finding.Status);
            Assert.Equal("2026-11-24 12:00 UTC", finding.Evidence["lastMfaAt"]);
            Assert.Contains("24 hours ago", finding.Message);
        }

        [Fact]
        public void SignInLogsUnavailable_NoPremiumLicence_IsUnknownButTheVerdictStaysReady()
        {
            var gap = new EvidenceGap("The tenant's licence does not allow Graph to read the user's sign-in logs; this report needs Microsoft Entra ID P1 or P2.", null);

            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(SignInHistory.Unavailable(gap)));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Null(diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.RecentMfaSession];
            Assert.Equal(FindingStatus.Unknown, finding.Status);
            Assert.Equal("SignInLogsUnavailable", finding.ReasonCode);
            Assert.Contains("P1 or P2", finding.Message);
            Assert.Contains("Layer 4 (Recent MFA session) is unknown", diagnosis.Summary);
        }

        [Fact]
        public void SignInLogsUnavailable_PermissionMissing_NamesIt()
        {
            var gap = new EvidenceGap("Permission denied to read the user's sign-in logs. It needs the Microsoft Graph permission AuditLog.Read.All.", "AuditLog.Read.All");

            var finding = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns(SignInHistory.Unavailable(gap))).Findings[PasskeyLayer.RecentMfaSession];

            Assert.Equal("AuditLog.Read.All", finding.Evidence["missingPermission"]);
            Assert.StartsWith("Grant AuditLog.Read.All", finding.Remediation);
        }

        [Fact]
        public void SignInLogsUnavailable_LogsReadButEmpty_IsNotUnknown()
        {
            var finding = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithSignIns()).Findings[PasskeyLayer.RecentMfaSession];

            Assert.NotEqual(FindingStatus.Unknown, finding.Status);
        }

        [Fact]
        public void RecentMfaSession_NeverFails_WhateverTheSignIns()
        {
            var histories = new[]
            {
                SignInHistory.NotRead,
                SignInHistory.Read(Array.Empty<SignInRecord>(), Diagnose.Now.AddDays(-30)),
                SignInHistory.Read(new[] { UserBuilder.MfaSignIn(Diagnose.Now.AddDays(-29)) }, Diagnose.Now.AddDays(-30)),
                SignInHistory.Read(new[] { UserBuilder.SingleFactorSignIn(Diagnose.Now) }, Diagnose.Now.AddDays(-30)),
                SignInHistory.Read(new[] { UserBuilder.MfaSignIn(Diagnose.Now.AddMinutes(1)) }, Diagnose.Now.AddDays(-30)),
            };

            foreach (var history in histories)
            {
                var input = new DiagnosisInput(new TenantBuilder().Build(), new UserBuilder().WithSignIns(history).Build(), AttemptHints.None, Diagnose.Now);
                var outcomes = RuleSet.Default.For(PasskeyLayer.RecentMfaSession).Select(r => r.Evaluate(input)).Where(o => o != null).ToList();

                Assert.NotEmpty(outcomes);
                Assert.DoesNotContain(outcomes, o => o!.Status == FindingStatus.Fail);
            }

            Assert.False(LayerCatalog.CanBlock(PasskeyLayer.RecentMfaSession));
        }
    }
}
