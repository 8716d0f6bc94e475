using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Every branch of the verdict rule, which says whether someone must act: Blocked if any layer fails; Unknown if
    /// nothing fails but a layer that can block was not evaluated; AtRisk if a layer warns; Ready when every evaluable
    /// layer passes or only advises (an instruction for the moment of registration). A layer-4 Unknown is named but
    /// does not decide. The deciding layer and its fix travel on the diagnosis (Layer, Fix).
    /// </summary>
    public sealed class VerdictRuleTests
    {
        [Fact]
        public void AnyFail_IsBlockedAtTheFirstFailingLayerWithItsOwner()
        {
            var diagnosis = Judge(
                (PasskeyLayer.RecentMfaSession, RuleOutcome.Warn("W4", "warn 4", "r")),
                (PasskeyLayer.PlatformBrowser, RuleOutcome.Fail("F5", "fail 5", "fix 5")),
                (PasskeyLayer.Hardware, RuleOutcome.Fail("F6", "fail 6", "r")),
                (PasskeyLayer.MfaBootstrap, RuleOutcome.Unknown("U3", "unknown 3", "r")));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(5, diagnosis.BlockingLayer);
            Assert.Equal(5, diagnosis.Layer);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            Assert.Equal("F5", diagnosis.ReasonCode);
            Assert.Equal("Blocked at layer 5 (Platform / browser): fail 5", diagnosis.Summary);
            Assert.Equal("fix 5", diagnosis.Fix);
        }

        [Fact]
        public void UnknownInABlockingLayer_WithoutFailures_IsUnknownEvenWithWarnings()
        {
            var diagnosis = Judge(
                (PasskeyLayer.AuthenticationMethodsPolicy, RuleOutcome.Warn("W1", "warn 1", "r")),
                (PasskeyLayer.MfaBootstrap, RuleOutcome.Unknown("U3", "unknown 3", "fix 3")));

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal(3, diagnosis.Layer);
            Assert.Equal("fix 3", diagnosis.Fix);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("U3", diagnosis.ReasonCode);
            Assert.StartsWith("Unknown at layer 3 (MFA bootstrap)", diagnosis.Summary);
        }

        [Fact]
        public void OnlyWarnings_IsAtRiskWithTheFirstWarningsLayerOwnerAndFix()
        {
            var diagnosis = Judge(
                (PasskeyLayer.MfaBootstrap, RuleOutcome.Warn("W3", "warn 3", "fix 3")),
                (PasskeyLayer.PlatformBrowser, RuleOutcome.Warn("W5", "warn 5", "fix 5")));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal(3, diagnosis.Layer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("W3", diagnosis.ReasonCode);
            Assert.Equal("fix 3", diagnosis.Fix);
            Assert.Equal("At risk at layer 3 (MFA bootstrap): warn 3", diagnosis.Summary);
        }

        [Fact]
        public void OnlyAdvice_IsReadyAndTheSummaryRepeatsTheAdvice()
        {
            var diagnosis = Judge(
                (PasskeyLayer.RecentMfaSession, RuleOutcome.Advice("A4", "Sign in again just before: the last MFA was hours ago.", "r")),
                (PasskeyLayer.PlatformBrowser, RuleOutcome.Pass(new Dictionary<string, string>())));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Null(diagnosis.Layer);
            Assert.Null(diagnosis.Owner);
            Assert.Null(diagnosis.ReasonCode);
            Assert.Null(diagnosis.Fix);
            Assert.Equal((FindingStatus.Advice, "A4"), (diagnosis.Findings[PasskeyLayer.RecentMfaSession].Status, diagnosis.Findings[PasskeyLayer.RecentMfaSession].ReasonCode));
            // The summary repeats the instruction, up to the colon; the reason stays in the finding.
            Assert.EndsWith("from adding a passkey (not checked: layers 1, 2, 3, 6, 7). Sign in again just before.", diagnosis.Summary);
            Assert.Equal("Sign in again just before: the last MFA was hours ago.", diagnosis.Findings[PasskeyLayer.RecentMfaSession].Message);
        }

        [Fact]
        public void AdviceBesideAWarning_IsAtRiskDecidedByTheWarning()
        {
            var diagnosis = Judge(
                (PasskeyLayer.RecentMfaSession, RuleOutcome.Advice("A4", "advice 4", "r")),
                (PasskeyLayer.PlatformBrowser, RuleOutcome.Warn("W5", "warn 5", "fix 5")));

            Assert.Equal((Verdict.AtRisk, 5, "W5", "fix 5"), (diagnosis.Verdict, diagnosis.Layer, diagnosis.ReasonCode, diagnosis.Fix));
        }

        [Fact]
        public void WithinALayer_AWarningOutranksAdvice()
        {
            var diagnosis = Judge(
                (PasskeyLayer.MfaBootstrap, RuleOutcome.Advice("A3", "advice 3", "r")),
                (PasskeyLayer.MfaBootstrap, RuleOutcome.Warn("W3", "warn 3", "fix 3")));

            Assert.Equal((FindingStatus.Warn, "W3"), (diagnosis.Findings[PasskeyLayer.MfaBootstrap].Status, diagnosis.Findings[PasskeyLayer.MfaBootstrap].ReasonCode));
            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
        }

        [Fact]
        public void Layer4UnknownAlone_IsReadyAndTheSummarySaysLayer4IsUnknown()
        {
            var diagnosis = Judge((PasskeyLayer.RecentMfaSession, RuleOutcome.Unknown("U4", "logs unavailable", "r")));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Null(diagnosis.Owner);
            Assert.Null(diagnosis.ReasonCode);
            Assert.Null(diagnosis.Layer);
            Assert.Null(diagnosis.Fix);
            Assert.Equal(FindingStatus.Unknown, diagnosis.Findings[PasskeyLayer.RecentMfaSession].Status);
            Assert.EndsWith(" Layer 4 (Recent MFA session) is unknown (U4).", diagnosis.Summary);
        }

        [Fact]
        public void Layer4UnknownWithAWarning_IsAtRiskAndStillNamesLayer4()
        {
            var diagnosis = Judge(
                (PasskeyLayer.RecentMfaSession, RuleOutcome.Unknown("U4", "logs unavailable", "r")),
                (PasskeyLayer.MfaBootstrap, RuleOutcome.Warn("W3", "warn 3", "r")));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Equal("W3", diagnosis.ReasonCode);
            Assert.Contains("Layer 4 (Recent MFA session) is unknown", diagnosis.Summary);
        }

        [Fact]
        public void EveryLayerPasses_IsReady()
        {
            var diagnosis = Judge(Enumerable.Range(1, 7).Select(n => ((PasskeyLayer)n, (RuleOutcome?)RuleOutcome.Pass(new Dictionary<string, string>()))).ToArray());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Equal("Ready: nothing stops Adele Vance from adding a passkey in Security info.", diagnosis.Summary);
        }

        [Fact]
        public void RulesWithNothingToSay_LeaveTheLayerNotCheckedNotPassed()
        {
            var diagnosis = Judge((PasskeyLayer.PlatformBrowser, null));

            Assert.Equal(FindingStatus.NotChecked, diagnosis.Findings[PasskeyLayer.PlatformBrowser].Status);
            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
        }

        [Fact]
        public void CanBlock_IsFalseOnlyForTheRecentMfaSession()
        {
            var cannotBlock = Enumerable.Range(1, LayerCatalog.Count).Select(n => (PasskeyLayer)n).Where(l => !LayerCatalog.CanBlock(l));

            Assert.Equal(new[] { PasskeyLayer.RecentMfaSession }, cannotBlock);
        }

        [Fact]
        public void FalseReadyGuard_ConditionalAccessNeverRead_IsUnknownNotReady()
        {
            // A snapshot built without reading Conditional Access (the evidence a blocking layer needs) must not pass.
            var fido2 = new Fido2Policy(true, new[] { PolicyTarget.AllUsers() }, new PolicyTarget[0], true);
            var tenant = new TenantSnapshot(PolicyMigrationState.MigrationComplete, fido2, new MethodPolicy[] { fido2, TenantBuilder.Enabled(MethodPolicyIds.MicrosoftAuthenticator) }, new GroupInfo[0]);

            var diagnosis = Diagnose.Run(tenant, new UserBuilder().Build());

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Equal("ConditionalAccessUnavailable", diagnosis.ReasonCode);
        }

        [Fact]
        public void FalseReadyGuard_SignInsNeverRead_AreUnknownNotPassed()
        {
            var user = new UserEvidence("u-1", "adele.vance@contoso.com", "Adele Vance", true, "Member", null, null, new[] { new RegisteredMethod(MethodKind.MicrosoftAuthenticator, "a") }, new[] { TenantBuilder.PasskeyUsers });

            var diagnosis = Diagnose.Run(new TenantBuilder().Build(), user);

            Assert.Equal(FindingStatus.Unknown, diagnosis.Findings[PasskeyLayer.RecentMfaSession].Status);
            Assert.Equal(FindingStatus.NotChecked, diagnosis.Findings[PasskeyLayer.PlatformBrowser].Status);
        }

        private static PasskeyDiagnosis Judge(params (PasskeyLayer Layer, RuleOutcome? Outcome)[] outcomes)
        {
            var rules = outcomes.Select(o => (ILayerRule)new FixedRule(o.Layer, o.Outcome));
            var input = new DiagnosisInput(new TenantBuilder().Build(), new UserBuilder().Build(), AttemptHints.None, Diagnose.Now);
            return new Judge(new RuleSet(rules)).Diagnose(input);
        }

        private sealed class FixedRule : ILayerRule
        {
            private readonly RuleOutcome? _outcome;

            public FixedRule(PasskeyLayer layer, RuleOutcome? outcome)
            {
                Layer = layer;
                _outcome = outcome;
            }

            public PasskeyLayer Layer { get; }

            public IReadOnlyList<string> ReasonCodes => _outcome?.ReasonCode == null ? new string[0] : new[] { _outcome.ReasonCode };

            public RuleOutcome? Evaluate(DiagnosisInput input) => _outcome;
        }
    }
}
