using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.Hardware
{
    /// <summary>
    /// A passkey profile admits this kind of security key but requires attestation, and this model cannot give an
    /// attestation Entra accepts (it is not on Entra's list of FIDO2-certified models). The policy is fine; the key
    /// is not: another model fixes it.
    /// </summary>
    public sealed class AuthenticatorNotAttestableRule : ILayerRule
    {
        public const string Code = "AuthenticatorNotAttestable";

        public PasskeyLayer Layer => PasskeyLayer.Hardware;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var assessment = AttemptAssessment.Of(input);
            if (assessment?.Verdict != ProfileVerdict.Rejects || assessment.Owner != PasskeyLayer.Hardware)
            {
                return null;
            }

            var check = assessment.Checks.First(c => c.Decisive.All(i => i.Kind == ProfileIssueKind.ModelNotAttestable));
            var entry = assessment.Entry!;
            var evidence = assessment.Evidence();
            evidence["certification"] = entry.Certification ?? "none known";
            evidence["attestation"] = entry.Attestation.ToString();
            return RuleOutcome.Fail(
                Code,
                ProfileRejection.Sentence(check.Decisive.First().Detail),
                $"Use a FIDO2-certified security key Entra accepts attestation from (Get-PasskeyAuthenticator | Where-Object {{ $_.ProviderKind -eq 'HardwareKey' -and $_.AttestationCapable }}), e.g. {ProfileSummary.AcceptedNames(check.Profile, assessment.Catalog)}.",
                evidence);
        }
    }
}
