using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// The attempt's authenticator reported an all-zero AAGUID (as passkey providers that give no attestation do, and
    /// some software authenticators always do), and every passkey profile of the user admits authenticators only
    /// through an allow list. An allow list names makes and models by AAGUID and all zeros names none, so the fix
    /// AaguidNotAllowed gives, adding the attempt's AAGUID to the list, cannot work: the user needs an authenticator
    /// that identifies itself.
    /// </summary>
    public sealed class AaguidNotReportedRule : ILayerRule
    {
        public const string Code = "AaguidNotReported";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            if (input.Hints.Aaguid != Guid.Empty)
            {
                return null;
            }

            var assessment = AttemptAssessment.Of(input);
            if (assessment == null || assessment.Verdict != ProfileVerdict.Rejects || assessment.Owner != PasskeyLayer.PasskeyProfile
                || !assessment.Checks.All(c => c.Decisive.Any(i => i.Kind == ProfileIssueKind.AaguidNotAllowed)))
            {
                return null;
            }

            var profile = assessment.Checks[0].Profile;
            var lists = assessment.Applied.IsLegacy ? "the tenant-wide allow list" : $"the allow lists of {assessment.Applied.Names}";
            var evidence = assessment.Evidence();
            evidence["rejectedBy"] = profile.IsLegacy ? "tenant-wide settings (legacy)" : profile.Name;
            return RuleOutcome.Fail(
                Code,
                $"The authenticator reported an all-zero AAGUID, which names no make or model, and {input.User.Name} can register only what {lists} name, so no entry can admit it.",
                $"Register an authenticator that reports its AAGUID and that {profile.Describe()} allows ({ProfileSummary.AcceptedNames(profile, assessment.Catalog)}); a provider that hides its model cannot be allow-listed.",
                evidence);
        }
    }
}
