using Xunit;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>What a rule test asserts about a verdict.</summary>
    internal static class RuleAssert
    {
        /// <summary>Blocked at <paramref name="layer"/> for <paramref name="reason"/>, in that layer's queue, with a fix.</summary>
        public static void Blocked(PasskeyDiagnosis diagnosis, int layer, string reason)
        {
            var finding = diagnosis.Findings[layer - 1];
            Assert.Equal(Verdict.Blocked, diagnosis.Verdict);
            Assert.Equal(layer, diagnosis.BlockingLayer);
            Assert.Equal(LayerCatalog.OwnerOf((PasskeyLayer)layer), diagnosis.Owner);
            Assert.Equal(reason, diagnosis.ReasonCode);
            Assert.Equal(FindingStatus.Fail, finding.Status);
            Assert.Equal(reason, finding.ReasonCode);
            Assert.False(string.IsNullOrWhiteSpace(finding.Remediation));
            Assert.StartsWith($"Blocked at layer {layer} ({finding.LayerName}): ", diagnosis.Summary);
        }
    }
}
