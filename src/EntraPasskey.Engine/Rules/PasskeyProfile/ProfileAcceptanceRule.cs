using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// What layer 2 says when it does not fail. Without an -Aaguid hint it does not guess: it names what the user's
    /// profiles accept, from the catalog. With a hint it says which profile accepts the authenticator, or which later
    /// layer owns the rejection. When Passkey (FIDO2) does not apply to the user at all, no profile is evaluated.
    /// </summary>
    public sealed class ProfileAcceptanceRule : ILayerRule
    {
        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new string[0];

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var applied = AppliedProfiles.For(input.Tenant, input.User);
            if (applied == null)
            {
                return RuleOutcome.NotChecked("Not checked: Passkey (FIDO2) does not apply to this user (see layer 1), so no passkey profile is evaluated.");
            }

            var assessment = AttemptAssessment.Of(input);
            if (assessment == null)
            {
                var descriptions = applied.Profiles.Select(p => ProfileSummary.Describe(p, input.Authenticators, input.User)).ToList();
                return RuleOutcome.Pass(
                    Facts.Of(
                        ("passkeyProfiles", applied.Names),
                        ("profileSources", string.Join("; ", applied.Sources)),
                        ("acceptedAuthenticators", ProfileSummary.AllAcceptedNames(applied.Profiles, input.Authenticators))),
                    descriptions.Count == 0 ? null : ProfileRejection.Sentence(string.Join(" | ", descriptions)));
            }

            return RuleOutcome.Pass(assessment.Evidence(), MessageFor(assessment, input.Hints.Platform));
        }

        private static string? MessageFor(AttemptAssessment assessment, string? platform)
        {
            var name = assessment.AuthenticatorName;
            if (assessment.Verdict == ProfileVerdict.Accepts)
            {
                var accepting = assessment.Checks.Where(c => c.Verdict == ProfileVerdict.Accepts).ToList();
                // Without -Platform we cannot tell an in-app registration from a cross-device one; say which one works.
                var inAppOnly = platform == null
                    && assessment.Entry?.Attestation == AttestationSupport.SameDeviceOnly
                    && accepting.All(c => c.Profile.AttestationEnforcement == Evidence.AttestationEnforcement.RegistrationOnly);
                return $"{name} is accepted by {string.Join(" and ", accepting.Select(c => c.Profile.Describe()))}."
                    + (inAppOnly ? " Attestation is required, so the passkey must be added in the app on the phone; one created cross-device (QR code from a computer) is not attested." : string.Empty);
            }

            switch (assessment.Owner)
            {
                case PasskeyLayer.PasskeyProvider:
                    return $"The profiles reject {name} but accept {assessment.AuthenticatorAlternative!.Name}: the provider choice is what stops the registration (see layer 7).";
                case PasskeyLayer.Hardware when assessment.Verdict == ProfileVerdict.Rejects:
                    return $"A passkey profile admits this kind of security key, but this model, {name}, cannot give the attestation it requires (see layer 6).";
                case PasskeyLayer.Hardware:
                    return $"No profile's lists reject {name}; whether it is accepted depends on facts about the model the catalog lacks (see layer 6).";
                default:
                    return null;
            }
        }
    }
}
