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

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input) =>
            ProfileRejection.Fail(
                input,
                Code,
                legacy: false,
                (assessment, check) => assessment.AttestedAlternative() + $" Or turn attestation off in {check.Profile.Describe()} if unattested passkeys are acceptable there.",
                ProfileIssueKind.AttestationNotPossible);
    }
}
