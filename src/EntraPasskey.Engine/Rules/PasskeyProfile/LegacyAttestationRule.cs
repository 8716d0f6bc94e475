using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// The tenant has not opted into passkey profiles and the deprecated tenant-wide isAttestationEnforced is on, so
    /// never-attested passkeys (synced, Windows Hello, Authenticator cross-device) cannot register.
    /// </summary>
    public sealed class LegacyAttestationRule : ILayerRule
    {
        public const string Code = "LegacyAttestationEnforced";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input) =>
            ProfileRejection.Fail(
                input,
                Code,
                legacy: true,
                (assessment, check) => assessment.AttestedAlternative() + " Or turn off Enforce attestation in the Passkey (FIDO2) settings (deprecated; passkey profiles let you require it only where needed).",
                ProfileIssueKind.AttestationNotPossible);
    }
}
