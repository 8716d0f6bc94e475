using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>The shape every profile rejection at sign-in shares: which profiles reject the passkey, and how to say so.</summary>
    internal static class SignInProfiles
    {
        /// <summary>A failure for <paramref name="code"/> when every profile of the user rejects the passkey and <paramref name="kind"/> is the most decisive reason.</summary>
        public static RuleOutcome? Fail(DiagnosisInput input, RegisteredMethod passkey, ProfileIssueKind kind, string code, string remediation)
        {
            var assessment = PasskeySignIn.Assess(passkey, input);
            if (assessment.DecisiveKind != kind)
            {
                return null;
            }

            var primary = assessment.Rejections.First(r => r.Kind == kind).Detail;
            var others = assessment.Rejections.Count > 1 ? $" No passkey profile of {input.User.Name} admits it: {assessment.Reasons}." : string.Empty;
            return RuleOutcome.Fail(
                code,
                ProfileRejection.Sentence(primary) + " Key restrictions and passkey types apply at sign-in as well as registration, so this passkey cannot sign in." + others,
                remediation,
                Evidence(assessment));
        }

        public static IDictionary<string, string> Evidence(PasskeySignInAssessment assessment) =>
            Facts.Of(
                ("passkeyProfiles", assessment.Applied?.Names),
                ("profileSources", assessment.Applied == null ? null : string.Join(" | ", assessment.Applied.Sources)),
                ("rejectedBecause", assessment.Rejections.Count == 0 ? null : assessment.Reasons));
    }
}
