using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// The tenant has not opted into passkey profiles, so the deprecated tenant-wide keyRestrictions still decide, and
    /// its allow list omits (or block list names) the attempt's AAGUID.
    /// </summary>
    public sealed class LegacyKeyRestrictionRule : ILayerRule
    {
        public const string Code = "LegacyKeyRestrictionRejects";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input) =>
            ProfileRejection.Fail(
                input,
                Code,
                legacy: true,
                (assessment, check) => $"Register a model the tenant-wide key restrictions admit ({ProfileSummary.AcceptedNames(check.Profile, assessment.Catalog)}), or change those restrictions (Passkey (FIDO2) settings, Configure); these fields are deprecated, so consider opting into passkey profiles.",
                ProfileIssueKind.AaguidNotAllowed,
                ProfileIssueKind.AaguidBlocked);
    }
}
