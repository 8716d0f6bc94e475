using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>The profile(s) enforce an allow list and the attempt's AAGUID is not on it (also for AAGUIDs the catalog does not know).</summary>
    public sealed class AaguidNotAllowedRule : ILayerRule
    {
        public const string Code = "AaguidNotAllowed";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input) =>
            ProfileRejection.Fail(
                input,
                Code,
                legacy: false,
                (assessment, check) => $"Register a model {check.Profile.Describe()} allows ({ProfileSummary.AcceptedNames(check.Profile, assessment.Catalog)}), or add {assessment.Aaguid} to its allow list; a model often has several AAGUIDs (firmware, consumer and enterprise profiles), allow all of them.",
                ProfileIssueKind.AaguidNotAllowed);
    }
}
