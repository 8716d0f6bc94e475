using System.Collections.Generic;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.PasskeyProvider
{
    /// <summary>
    /// What layer 7 says when it does not fail. Which provider the platform offered is known only from the
    /// attempt's AAGUID; without it (or without a profile to compare with) the layer says it was not checked.
    /// </summary>
    public sealed class PasskeyProviderRule : ILayerRule
    {
        public PasskeyLayer Layer => PasskeyLayer.PasskeyProvider;

        public IReadOnlyList<string> ReasonCodes { get; } = new string[0];

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            if (!input.Hints.Aaguid.HasValue)
            {
                return RuleOutcome.NotChecked("Not checked: pass -Aaguid to check the passkey provider the platform offered.");
            }

            var assessment = AttemptAssessment.Of(input);
            if (assessment == null)
            {
                return RuleOutcome.NotChecked("Not checked: Passkey (FIDO2) does not apply to this user (see layer 1), so there is no profile to compare the provider with.");
            }

            var entry = assessment.Entry;
            string message;
            if (entry == null)
            {
                message = $"AAGUID {assessment.Aaguid} is not in the catalog, so the provider cannot be named.";
            }
            else if (entry.PasskeyType != PasskeyType.Synced)
            {
                message = $"{entry.Name} is not a synced passkey provider; the provider choice is not the problem.";
            }
            else if (assessment.Verdict == ProfileVerdict.Accepts)
            {
                message = $"{entry.Name} is a synced passkey provider the user's profiles accept.";
            }
            else if (assessment.Verdict == ProfileVerdict.Undetermined)
            {
                message = $"Whether the user's profiles accept {entry.Name} cannot be decided yet (see layer 2).";
            }
            else
            {
                message = $"The profiles reject {entry.Name}, and they accept no Microsoft Authenticator either, so another provider on the phone is not the fix (see layer 2).";
            }

            return RuleOutcome.Pass(Facts.Of(("aaguid", assessment.Aaguid.ToString()), ("authenticator", entry?.Name ?? "not in the catalog")), message);
        }
    }
}
