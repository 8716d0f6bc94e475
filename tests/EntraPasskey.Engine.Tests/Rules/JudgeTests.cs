using System.Linq;
using System.Text.RegularExpressions;
using EntraPasskey.Engine.Rules;
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
            var diagnosis = Diagnose.Run(new TenantBuilder(), new UserBuilder());
            var withoutRules = diagnosis.Findings.Where(f => !RuleSet.Default.For((PasskeyLayer)f.Layer).Any()).ToList();

            Assert.All(withoutRules, f => Assert.Equal(FindingStatus.NotChecked, f.Status));
            if (withoutRules.Count > 0)
            {
                Assert.Contains("not checked: layers " + string.Join(", ", withoutRules.Select(f => f.Layer)), diagnosis.Summary);
            }
        }

        [Fact]
        public void RuleSet_EveryRuleHasAUniqueOrderWithinItsLayer()
        {
            var duplicates = RuleSet.Default.All.GroupBy(r => (r.Layer, r.Order)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

            Assert.Empty(duplicates);
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
    }
}
