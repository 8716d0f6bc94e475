using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy;
using EntraPasskey.Engine.Rules.Hardware;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>How findings become a verdict, and the invariants of the rule set.</summary>
    public sealed class JudgeTests
    {
        [Fact]
        public void Diagnose_AlwaysReturnsOneFindingPerLayerInOrder()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder());

            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7 }, diagnosis.Findings.Select(f => f.Layer));
            Assert.Equal("Recent MFA session", diagnosis.Findings[PasskeyLayer.RecentMfaSession].LayerName);
        }

        [Fact]
        public void Diagnose_ReadyUser_HasNoBlockingLayerOwnerOrReason()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Null(diagnosis.BlockingLayer);
            Assert.Null(diagnosis.Owner);
            Assert.Null(diagnosis.ReasonCode);
            Assert.StartsWith("Ready:", diagnosis.Summary);
            Assert.Equal("adele.vance@contoso.com", diagnosis.UserPrincipalName);
            Assert.Equal(Diagnose.Now, diagnosis.CheckedAt);
        }

        [Fact]
        public void Diagnose_LayersWithoutRules_AreNotCheckedAndTheSummarySaysWhich()
        {
            // Only layer 6 has a rule, and it passes: the other six layers have nothing to say.
            var judge = new Judge(new RuleSet(new ILayerRule[] { new FakeRule(_ => RuleOutcome.Pass(new Dictionary<string, string>())) }));

            var diagnosis = judge.Diagnose(Input());

            Assert.Equal(FindingStatus.Pass, diagnosis.Findings[PasskeyLayer.Hardware].Status);
            Assert.All(diagnosis.Findings.Where(f => f.Layer != (int)PasskeyLayer.Hardware), f => Assert.Equal(FindingStatus.NotChecked, f.Status));
            Assert.Contains("not checked: layers 1, 2, 3, 4, 5, 7", diagnosis.Summary);
        }

        [Fact]
        public void RuleSet_RunsEachLayersRulesInTheOrderItsPrecedenceDeclares()
        {
            var precedences = typeof(RuleSet).Assembly.GetTypes()
                .Where(t => typeof(LayerPrecedence).IsAssignableFrom(t) && !t.IsAbstract)
                .Select(t => (LayerPrecedence)Activator.CreateInstance(t)!)
                .ToList();

            Assert.Equal(LayerCatalog.Count, precedences.Select(p => p.Layer).Distinct().Count());
            foreach (var precedence in precedences)
            {
                Assert.Equal(precedence.Rules, RuleSet.Default.For(precedence.Layer).Select(r => r.GetType()));
            }
        }

        [Fact]
        public void RuleSet_RefusesARuleThatHasNoPlaceInAPrecedence()
        {
            var error = Assert.Throws<InvalidOperationException>(() =>
                RuleSet.FromPrecedence(new[] { new HardwareOnly(typeof(AuthenticatorModelRule)) }, new[] { typeof(AuthenticatorModelRule), typeof(AuthenticatorNotInCatalogRule) }));

            Assert.Contains("AuthenticatorNotInCatalogRule is in no layer's precedence", error.Message);
        }

        [Fact]
        public void RuleSet_RefusesARuleListedTwiceOrUnderAnotherLayer()
        {
            var error = Assert.Throws<InvalidOperationException>(() =>
                RuleSet.FromPrecedence(new[] { new HardwareOnly(typeof(AuthenticatorModelRule), typeof(AuthenticatorModelRule), typeof(GuestUserRule)) }, new[] { typeof(AuthenticatorModelRule), typeof(GuestUserRule) }));

            Assert.Contains("AuthenticatorModelRule is listed more than once", error.Message);
            Assert.Contains("GuestUserRule belongs to AuthenticationMethodsPolicy, not to Hardware's precedence", error.Message);
        }

        [Fact]
        public void RuleSet_ReasonCodesAreUniqueAndPascalCase()
        {
            var codes = RuleSet.Default.All.SelectMany(r => r.ReasonCodes).ToList();

            Assert.NotEmpty(codes);
            Assert.Equal(codes.Count, codes.Distinct().Count());
            Assert.All(codes, code => Assert.Matches(new Regex("^[A-Z][A-Za-z0-9]+$"), code));
        }

        [Fact]
        public void LayerFindingCollection_ToString_IsOneCompactLineForCsv()
        {
            var diagnosis = Diagnose.Run(new TenantBuilder().Fido2Disabled(), new UserBuilder());

            Assert.StartsWith("1 Fail Fido2MethodDisabled | 2 ", diagnosis.Findings.ToString());
            Assert.DoesNotContain("\n", diagnosis.Findings.ToString());
        }

        [Fact]
        public void Layer_RuleThatLacksInput_MakesTheLayerNotCheckedWithItsMessageAndTheOtherRulesEvidence()
        {
            var judge = new Judge(new RuleSet(new ILayerRule[]
            {
                new FakeRule(_ => RuleOutcome.Pass(new Dictionary<string, string> { ["seen"] = "yes" }, "A pass message.")),
                new FakeRule(_ => RuleOutcome.NotChecked("Not checked: pass -Thing.")),
                new FakeRule(_ => null),
            }));

            var finding = judge.Diagnose(Input()).Findings[PasskeyLayer.Hardware];

            Assert.Equal(FindingStatus.NotChecked, finding.Status);
            Assert.Equal("Not checked: pass -Thing.", finding.Message);
            Assert.Equal("yes", finding.Evidence["seen"]);
        }

        [Fact]
        public void Layer_FailureStillBeatsNotChecked()
        {
            var judge = new Judge(new RuleSet(new ILayerRule[]
            {
                new FakeRule(_ => RuleOutcome.NotChecked("Not checked: pass -Thing.")),
                new FakeRule(_ => RuleOutcome.Fail("FakeFailure", "It failed.", "Fix it.")),
            }));

            var diagnosis = judge.Diagnose(Input());

            Assert.Equal(FindingStatus.Fail, diagnosis.Findings[PasskeyLayer.Hardware].Status);
            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
        }

        [Fact]
        public void Layer_NotCheckedIsNotAVerdictOfItsOwnAndTheSummaryNamesTheLayer()
        {
            var judge = new Judge(new RuleSet(new ILayerRule[] { new FakeRule(_ => RuleOutcome.NotChecked("Not checked: pass -Thing.")) }));

            var diagnosis = judge.Diagnose(Input());

            Assert.Equal(Verdict.Ready, diagnosis.Verdict);
            Assert.Contains("not checked: layers 1, 2, 3, 4, 5, 6, 7", diagnosis.Summary);
        }

        [Fact]
        public void Layer_FirstPassMessageInRuleOrderReplacesTheGenericOne()
        {
            var judge = new Judge(new RuleSet(new ILayerRule[]
            {
                new FakeRule(_ => RuleOutcome.Pass(new Dictionary<string, string>())),
                new FakeRule(_ => RuleOutcome.Pass(new Dictionary<string, string>(), "Second rule's message.")),
                new FakeRule(_ => RuleOutcome.Pass(new Dictionary<string, string>(), "Third rule's message.")),
            }));

            Assert.Equal("Second rule's message.", judge.Diagnose(Input()).Findings[PasskeyLayer.Hardware].Message);
        }

        [Fact]
        public void Layer_RulesThatAllSayNothing_IsNotCheckedRatherThanPassed()
        {
            var judge = new Judge(new RuleSet(new ILayerRule[] { new FakeRule(_ => null) }));

            var diagnosis = judge.Diagnose(Input());
            var finding = diagnosis.Findings[PasskeyLayer.Hardware];

            // No rule had anything to go on: saying Pass would be a guess, and a guess must never make a user Ready.
            Assert.Equal(FindingStatus.NotChecked, finding.Status);
            Assert.Equal(NotEvaluatedMessages.For(PasskeyLayer.Hardware), finding.Message);
        }

        private static DiagnosisInput Input() => new DiagnosisInput(new TenantBuilder().Build(), new UserBuilder().Build(), AttemptHints.None, Diagnose.Now);

        private sealed class HardwareOnly : LayerPrecedence
        {
            public HardwareOnly(params Type[] rules)
                : base(PasskeyLayer.Hardware, rules)
            {
            }
        }

        private sealed class FakeRule : ILayerRule
        {
            private readonly Func<DiagnosisInput, RuleOutcome?> _evaluate;

            public FakeRule(Func<DiagnosisInput, RuleOutcome?> evaluate)
            {
                _evaluate = evaluate;
            }

            public PasskeyLayer Layer => PasskeyLayer.Hardware;

            public IReadOnlyList<string> ReasonCodes { get; } = new[] { "FakeFailure" };

            public RuleOutcome? Evaluate(DiagnosisInput input) => _evaluate(input);
        }
    }
}
