using System;
using System.Linq;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>The shape every layer-2 rejection shares: which profiles reject the attempt for the rule's reason, and how to say so.</summary>
    internal static class ProfileRejection
    {
        /// <summary>
        /// A failure for <paramref name="kind"/> when layer 2 owns the rejection (see <see cref="AttemptAssessment"/>),
        /// the tenant is in the given mode (profiles or legacy fields), and some profile rejects for that reason.
        /// </summary>
        public static RuleOutcome? Fail(
            DiagnosisInput input,
            string code,
            bool legacy,
            Func<AttemptAssessment, ProfileCheck, string> remediation,
            params ProfileIssueKind[] kinds)
        {
            var assessment = AttemptAssessment.Of(input);
            if (assessment == null
                || assessment.Verdict != ProfileVerdict.Rejects
                || assessment.Owner != PasskeyLayer.PasskeyProfile
                || assessment.Applied.IsLegacy != legacy)
            {
                return null;
            }

            var check = assessment.Checks.FirstOrDefault(c => c.Decisive.Any(i => kinds.Contains(i.Kind)));
            if (check == null)
            {
                return null;
            }

            var primary = check.Decisive.First(i => kinds.Contains(i.Kind)).Detail;
            var message = Sentence(primary) + (assessment.Checks.Count > 1 || check.Decisive.Count() > 1
                ? $" No passkey profile of {input.User.Name} accepts it: {assessment.Rejections}."
                : string.Empty);
            var evidence = assessment.Evidence();
            evidence["rejectedBy"] = check.Profile.IsLegacy ? "tenant-wide settings (legacy)" : check.Profile.Name;
            return RuleOutcome.Fail(code, message, remediation(assessment, check), evidence);
        }

        public static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1) + ".";
    }
}
