using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// The profile(s) do not admit the attempt's passkey type (synced vs device-bound). A synced provider rejected
    /// while the profiles accept Microsoft Authenticator is layer 7's (the platform offered the wrong provider); this
    /// rule covers what remains, e.g. a security key under a synced-only profile, or a synced provider when nothing
    /// the user could pick on the phone is accepted.
    /// </summary>
    public sealed class PasskeyTypeNotAllowedRule : ILayerRule
    {
        public const string Code = "PasskeyTypeNotAllowed";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input) =>
            ProfileRejection.Fail(
                input,
                Code,
                legacy: false,
                (assessment, check) => $"Register a passkey of a type {check.Profile.Describe()} admits ({ProfileSummary.AcceptedNames(check.Profile, assessment.Catalog)}), or admit {(assessment.Entry?.PasskeyType == PasskeyType.Synced ? "synced" : "device-bound")} passkeys in the profile if that is intended.",
                ProfileIssueKind.PasskeyTypeNotAllowed);
    }
}
