using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>The attempt's AAGUID is on the block list of the profile(s) that would otherwise decide it.</summary>
    public sealed class AaguidBlockedRule : ILayerRule
    {
        public const string Code = "AaguidBlocked";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input) =>
            ProfileRejection.Fail(
                input,
                Code,
                legacy: false,
                (assessment, check) => $"Register an authenticator {check.Profile.Describe()} does not block ({ProfileSummary.AcceptedNames(check.Profile, assessment.Catalog)}), or remove {assessment.Aaguid} from its block list if the model is acceptable again.",
                ProfileIssueKind.AaguidBlocked);
    }
}
