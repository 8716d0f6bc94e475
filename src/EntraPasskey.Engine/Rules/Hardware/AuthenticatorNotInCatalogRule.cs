using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.Hardware
{
    /// <summary>
    /// The attempt's AAGUID is not in the catalog, no profile's lists reject it, and whether a profile accepts it
    /// depends on what the model is (synced or device-bound, attestable or not). Unknown: we do not guess.
    /// </summary>
    public sealed class AuthenticatorNotInCatalogRule : ILayerRule
    {
        public const string Code = "AuthenticatorNotInCatalog";

        public PasskeyLayer Layer => PasskeyLayer.Hardware;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var assessment = AttemptAssessment.Of(input);
            if (assessment?.Verdict != ProfileVerdict.Undetermined || assessment.Owner != PasskeyLayer.Hardware)
            {
                return null;
            }

            var open = assessment.Checks.SelectMany(c => c.Issues).Where(i => i.Kind == ProfileIssueKind.ModelUnknown).Select(i => i.Detail).Distinct();
            // An all-zero AAGUID names no model: U2F-only keys and older Apple platforms send it.
            var what = assessment.Aaguid == Guid.Empty
                ? "The all-zero AAGUID identifies no model (U2F-only security keys and older Apple platforms send it)"
                : $"AAGUID {assessment.Aaguid} is not in the authenticator catalog";
            return RuleOutcome.Unknown(
                Code,
                $"{what}, and whether {input.User.Name}'s passkey profiles accept it depends on the model: {string.Join("; ", open)}.",
                $"Look the AAGUID up in FIDO metadata (Get-PasskeyAuthenticator -Aaguid {assessment.Aaguid} -MetadataPath <MDS3 blob>) or with the vendor, then diagnose again; or register a model the profiles name.",
                assessment.Evidence());
        }
    }
}
