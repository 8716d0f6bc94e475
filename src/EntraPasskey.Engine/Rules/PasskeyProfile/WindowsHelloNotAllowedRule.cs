using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// A Windows Hello AAGUID (Entra passkeys on Windows, preview) without a profile that explicitly allows it on an
    /// enforced allow list (graph-facts §9.5). Applies before and after opt-in to profiles.
    /// </summary>
    public sealed class WindowsHelloNotAllowedRule : ILayerRule
    {
        public const string Code = "WindowsHelloNotAllowed";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input) =>
            ProfileRejection.Fail(input, Code, legacy: false, Remediation, ProfileIssueKind.WindowsHelloNotAllowed)
            ?? ProfileRejection.Fail(input, Code, legacy: true, Remediation, ProfileIssueKind.WindowsHelloNotAllowed);

        private static string Remediation(AttemptAssessment assessment, ProfileCheck check) =>
            $"Entra passkeys on Windows need the Windows Hello AAGUIDs on an enforced allow list, with attestation off, in a profile assigned to the user; add {assessment.Aaguid} there, or register another authenticator ({ProfileSummary.AcceptedNames(check.Profile, assessment.Catalog)}).";
    }
}
