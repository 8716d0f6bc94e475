using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// The profiles that decide the user's registration cannot be read: an include target names a profile the policy
    /// does not define, or a profile holds a value this version does not understand, and the outcome depends on it.
    /// Unknown, never a guess.
    /// </summary>
    public sealed class PasskeyProfileUnresolvedRule : ILayerRule
    {
        public const string Code = "PasskeyProfileUnresolved";

        public PasskeyLayer Layer => PasskeyLayer.PasskeyProfile;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var applied = AppliedProfiles.For(input.Tenant, input.User);
            if (applied == null)
            {
                return null;
            }

            var assessment = AttemptAssessment.Of(input);
            string cause;
            if (assessment != null)
            {
                if (assessment.Verdict != ProfileVerdict.Undetermined || assessment.Owner != PasskeyLayer.PasskeyProfile)
                {
                    return null;
                }

                var unreadable = assessment.Checks.SelectMany(c => c.Issues).Where(i => i.Kind == ProfileIssueKind.SettingUnrecognised).Select(i => i.Detail);
                cause = string.Join("; ", Missing(applied).Concat(unreadable));
            }
            else
            {
                if (applied.Profiles.Count > 0)
                {
                    return null;
                }

                cause = applied.MissingProfileIds.Count > 0 ? string.Join("; ", Missing(applied)) : "no include target of the user names a profile and the policy has no default profile";
            }

            return RuleOutcome.Unknown(
                Code,
                $"Which passkeys {input.User.Name} may register cannot be decided: {cause}.",
                "Open the Passkey (FIDO2) policy in the Entra admin center and assign an existing passkey profile to the user's group; update EntraPasskey if Graph returned a setting it does not know.",
                Facts.Of(
                    ("passkeyProfiles", applied.Names),
                    ("missingProfiles", applied.MissingProfileIds.Count == 0 ? null : string.Join(", ", applied.MissingProfileIds)),
                    ("profileSources", string.Join("; ", applied.Sources))));
        }

        private static IEnumerable<string> Missing(AppliedProfiles applied) =>
            applied.MissingProfileIds.Select(id => $"an include target names passkey profile {id}, which the policy does not define");
    }
}
