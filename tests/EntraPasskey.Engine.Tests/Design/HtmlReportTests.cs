using System;
using System.Linq;
using System.Text.RegularExpressions;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Design.Report;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design
{
    public sealed class HtmlReportTests
    {
        [Fact]
        public void Report_IsSelfContained_NoExternalResource()
        {
            var html = Render(new TenantBuilder().Fido2Disabled().Build(), null);

            Assert.DoesNotMatch(new Regex("<(link|img|iframe|object|embed)\\b", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex("\\bsrc\\s*=", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex("url\\(", RegexOptions.IgnoreCase), html);
            Assert.DoesNotMatch(new Regex("@import", RegexOptions.IgnoreCase), html);
            Assert.StartsWith("<!DOCTYPE html>", html);
        }

        [Fact]
        public void Report_CountsDeparturesBySeverity_AndShowsAffectedUsers()
        {
            var html = Render(new TenantBuilder().Fido2Disabled().Build(), null);

            Assert.Matches("data-severity=\"High\"><div class=\"label\">High</div><div class=\"value\">[1-9]", html);
            Assert.Contains("data-check=\"PasskeysDisabled\" data-severity=\"High\" data-status=\"Fail\" data-affected=\"100\"", html);
            Assert.DoesNotContain("id=\"verdicts\"", html);
        }

        [Fact]
        public void TenantText_IsEncoded()
        {
            var tenant = new TenantBuilder()
                .Fido2Targets(new[] { PolicyTarget.Group(TenantBuilder.PasskeyUsers) }, new[] { PolicyTarget.Group(TenantBuilder.PasskeyExclusions), PolicyTarget.Group(TenantBuilder.Engineering) })
                .WithGroup(new GroupInfo(TenantBuilder.Engineering, "<script>alert(1)</script>", true))
                .Build();

            var html = Render(tenant, null);

            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
            Assert.DoesNotContain("<script>alert(1)", html);
        }

        [Fact]
        public void Verdicts_AreChartedByLayerAndOwner()
        {
            var tally = new VerdictTally();
            tally.Add(Diagnosis(Verdict.Blocked, 1, "UserExcluded"));
            tally.Add(Diagnosis(Verdict.Blocked, 1, "UserNotTargeted"));
            tally.Add(Diagnosis(Verdict.AtRisk, null, "MfaSessionStale", warnLayer: 4));
            tally.Add(Diagnosis(Verdict.Ready, null, null));

            var html = Render(new TenantBuilder().Build(), tally);

            Assert.Contains("data-total=\"4\"", html);
            Assert.Contains("<g class=\"bar\" data-layer=\"1\" data-count=\"2\">", html);
            Assert.Contains("<g class=\"bar\" data-layer=\"4\" data-count=\"1\">", html);
            Assert.Contains("<g class=\"bar\" data-layer=\"ready\" data-count=\"1\">", html);
            Assert.Contains("<g class=\"bar\" data-owner=\"IdentityTeam\" data-count=\"2\">", html);
            Assert.Contains("<g class=\"bar\" data-owner=\"User\" data-count=\"1\">", html);
        }

        private static string Render(TenantSnapshot tenant, VerdictTally? tally)
        {
            var input = DesignInputs.For(tenant);
            var findings = DesignCheckSet.Default.Judge(input, DesignInputs.Now);
            var summary = new DesignTenantSummary("contoso", DesignInputs.Now, 100, "disabled", 0, "none", "off", "MigrationComplete", null, null);
            return HtmlReport.Render(new PolicyDesignReport(summary, findings), tally, "0.1.0");
        }

        private static PasskeyDiagnosis Diagnosis(Verdict verdict, int? blockingLayer, string? reason, int? warnLayer = null)
        {
            var findings = Enumerable.Range(1, LayerCatalog.Count)
                .Select(layer => new LayerFinding(
                    (PasskeyLayer)layer,
                    layer == blockingLayer ? FindingStatus.Fail : layer == warnLayer ? FindingStatus.Warn : FindingStatus.Pass,
                    layer == blockingLayer || layer == warnLayer ? reason : null,
                    "message", null, null))
                .ToList();
            var owner = blockingLayer ?? warnLayer;
            return new PasskeyDiagnosis("u@contoso.com", Guid.NewGuid().ToString(), null, verdict, blockingLayer, owner,
                owner == null ? (OwnerQueue?)null : LayerCatalog.OwnerOf((PasskeyLayer)owner.Value), reason, "summary", "fix", new LayerFindingCollection(findings), DesignInputs.Now);
        }
    }
}
