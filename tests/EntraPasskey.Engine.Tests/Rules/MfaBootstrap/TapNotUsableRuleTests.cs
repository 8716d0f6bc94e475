using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Layer 3, TapNotUsable (TapNotUsableRule): the cases that give it and the cases that nearly do but must not.</summary>
    public sealed class TapNotUsableRuleTests
    {
        [Theory]
        [InlineData("Expired", "expired at")]
        [InlineData("OneTimeUsed", "already been used")]
        [InlineData("NotYetValid", "not valid until")]
        public void TapNotUsable_OnlyCandidate_BlocksWithTheUsabilityReason(string reason, string phrase)
        {
            var tap = UserBuilder.Tap(false, reason) with { TapStart = Diagnose.Now.AddDays(-1) };
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password, UserBuilder.Email, tap);

            var diagnosis = Diagnose.Run(new TenantBuilder().Build(), user.Build());

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(3, diagnosis.BlockingLayer);
            Assert.Equal("TapNotUsable", diagnosis.ReasonCode);
            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal(reason, finding.Evidence["tapUsability"]);
            Assert.Contains(phrase, finding.Message);
            Assert.Equal("2026-11-24 12:00 UTC", finding.Evidence["tapStart"]);
            Assert.Equal("2026-11-24 13:00 UTC", finding.Evidence["tapExpires"]);
        }

        [Fact]
        public void TapNotUsable_NotYetValid_SaysWhenItStartsWorking()
        {
            var tap = UserBuilder.Tap(false, "NotYetValid") with { TapStart = Diagnose.Now.AddHours(2) };
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password, tap);

            var diagnosis = Diagnose.Run(new TenantBuilder().Build(), user.Build());

            Assert.StartsWith("Wait until 2026-11-25 14:00 UTC", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
        }

        [Fact]
        public void TapNotUsable_ExpiredAndUserInTapPolicy_SaysIssueANewPass()
        {
            var user = new UserBuilder().InGroups(TenantBuilder.PasskeyUsers, TenantBuilder.TapOnboarding).WithMethods(UserBuilder.Password, UserBuilder.Tap(false, "Expired"));

            var diagnosis = Diagnose.Run(new TenantBuilder().Build(), user.Build());

            Assert.StartsWith("Issue a new pass with New-PasskeyBootstrapTap", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
            Assert.Equal("yes", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["tapWouldHelp"]);
        }

        [Fact]
        public void TapNotUsable_DisabledByPolicy_SaysANewPassWouldNotWorkEither()
        {
            var tenant = new TenantBuilder().Method(new TapPolicy(false, new[] { PolicyTarget.AllUsers() }, Array.Empty<PolicyTarget>(), 60, 60, 480, true, 8));

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Tap(false, "DisabledByPolicy")));

            Assert.Equal("TapNotUsable", diagnosis.ReasonCode);
            Assert.Contains("disabled by policy", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Message);
            Assert.StartsWith("A new pass would not be usable either: the Temporary Access Pass method is disabled", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
            Assert.DoesNotContain("New-PasskeyBootstrapTap", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Remediation);
            Assert.Equal("no: the Temporary Access Pass method is disabled", diagnosis.Findings[PasskeyLayer.MfaBootstrap].Evidence["tapWouldHelp"]);
        }

        [Fact]
        public void TapNotUsable_ExpiredAndUserOutsideTapTargets_SaysANewPassWouldNotWorkAndWhy()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Tap(false, "Expired")));

            var finding = diagnosis.Findings[PasskeyLayer.MfaBootstrap];
            Assert.Equal("TapNotUsable", finding.ReasonCode);
            Assert.DoesNotContain("New-PasskeyBootstrapTap", finding.Remediation);
            Assert.StartsWith("A new pass would not be usable either: Adele Vance is not in the Temporary Access Pass policy's include targets (group 'TAP Onboarding'). Either add Adele Vance to group 'TAP Onboarding'", finding.Remediation);
            Assert.StartsWith("no: ", finding.Evidence["tapWouldHelp"]);
        }

        [Fact]
        public void TapNotUsable_UnusableTapButAuthenticatorCounts_IsNotAProblem()
        {
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Tap(false, "Expired"), new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "auth-1"));

            var diagnosis = Diagnose.Run(new TenantBuilder(), user);

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void TapNotUsable_NoTapAtAll_IsNoMfaCapableMethod()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.Email));

            Assert.Equal("NoMfaCapableMethod", diagnosis.ReasonCode);
        }
    }
}
