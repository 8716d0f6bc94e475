using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Every branch of the verdict rule: Blocked if any layer fails; Unknown if nothing fails but a layer that can block
    /// was not evaluated; AtRisk if only warnings; Ready only when every evaluable layer passes. A layer-4 Unknown
    /// is named but does not decide.
    /// </summary>
    public sealed class VerdictRuleTests
    {
        [Fact]
        public void AnyFail_IsBlockedAtTheFirstFailingLayerWithItsOwner()
        {
            var diagnosis = Judge(
                (PasskeyLayer.RecentMfaSession, RuleOutcome.Warn("W4", "warn 4", "r")),
                (PasskeyLayer.PlatformBrowser, RuleOutcome.Fail("F5", "fail 5", "r")),
                (PasskeyLayer.Hardware, RuleOutcome.Fail("F6", "fail 6", "r")),
                (PasskeyLayer.MfaBootstrap, RuleOutcome.Unknown("U3", "unknown 3", "r")));

            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(5, diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.Endpoint, diagnosis.Owner);
            Assert.Equal("F5", diagnosis.ReasonCode);
            Assert.Equal("Blocked at layer 5 (Platform / browser): fail 5", diagnosis.Summary);
        }

        [Fact]
        public void UnknownInABlockingLayer_WithoutFailures_IsUnknownEvenWithWarnings()
        {
            var diagnosis = Judge(
                (PasskeyLayer.AuthenticationMethodsPolicy, RuleOutcome.Warn("W1", "warn 1", "r")),
                (PasskeyLayer.MfaBootstrap, RuleOutcome.Unknown("U3", "unknown 3", "r")));

            Assert.Equal(Verdict.Unknown, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.IdentityTeam, diagnosis.Owner);
            Assert.Equal("U3", diagnosis.ReasonCode);
            Assert.StartsWith("Unknown at layer 3 (MFA bootstrap)", diagnosis.Summary);
        }

        [Fact]
        public void OnlyWarnings_IsAtRiskWithTheFirstWarningsOwner()
        {
            var diagnosis = Judge(
                (PasskeyLayer.RecentMfaSession, RuleOutcome.Warn("W4", "warn 4", "r")),
                (PasskeyLayer.PlatformBrowser, RuleOutcome.Warn("W5", "warn 5", "r")));

            Assert.Equal(Verdict.AtRisk, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Equal(OwnerQueue.User, diagnosis.Owner);
            Assert.Equal("W4", diagnosis.ReasonCode);
        }

        [Fact]
        public void Layer4UnknownAlone_IsReadyAndTheSummarySaysLayer4IsUnknown()
        {
            var diagnosis = Judge((PasskeyLayer.RecentMfaSession, RuleOutcome.Unknown("U4", "logs unavailable", "r")));

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Null(diagnosis.Owner);
            Assert.Null(diagnosis.ReasonCode);
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
