using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// The profile(s) require attestation and the attempt is a kind of passkey that is never attested: synced
    /// passkeys, Windows Hello passkeys, other platform passkeys, or a Microsoft Authenticator passkey created
    /// cross-device. (A security-key model that cannot be attested is layer 6's.)
    /// </summary>
    public sealed class AttestationRequiredRule : ILayerRule
    {
        public const string Code = "AttestationRequired";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public int Order => 60;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input) =>
            ProfileRejection.Fail(
                input,
                Code,
                legacy: false,
                (assessment, check) => WellKnownRemediation(assessment) + $" Or turn attestation off in {check.Profile.Describe()} if unattested passkeys are acceptable there.",
                ProfileIssueKind.AttestationNotPossible);

        internal static string WellKnownRemediation(AttemptAssessment assessment) =>
            assessment.Entry?.Attestation == AttestationSupport.SameDeviceOnly
                ? $"Add the passkey directly in the {assessment.Entry.Name} app on the phone (Security info on the phone, or Add account in the app), not by scanning a QR code from a computer: only in-app passkeys are attested."
                : $"Register an authenticator Entra can attest: a FIDO2-certified security key, or Microsoft Authenticator added directly in the app ({ProfileSummary.AcceptedNames(assessment.Checks[0].Profile, assessment.Catalog)}).";
    }
}
