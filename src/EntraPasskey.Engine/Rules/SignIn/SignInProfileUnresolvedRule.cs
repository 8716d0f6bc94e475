using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// No profile of the user certainly admits the passkey, and whether one does depends on something not known: a
    /// profile a target names but the policy lacks, a setting this version cannot read, a passkey whose AAGUID or
    /// type neither Graph nor the catalog gives. Unknown, never a failure on a guess.
    /// </summary>
    public sealed class SignInProfileUnresolvedRule : ISignInRule
    {
        public const string Code = "SignInProfileUnresolved";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey)
        {
            var assessment = PasskeySignIn.Assess(passkey, input);
            switch (assessment.Verdict)
            {
                case ProfileVerdict.Accepts:
                    return RuleOutcome.Pass(SignInProfiles.Evidence(assessment));
                case ProfileVerdict.Undetermined:
                    return RuleOutcome.Unknown(
                        Code,
                        $"Whether {input.User.Name}'s passkey profiles admit this passkey at sign-in cannot be decided: {string.Join("; ", assessment.Undecided)}.",
                        "Check the passkey profiles of the user's Passkey (FIDO2) targets in the Entra admin center (and the passkey's model in the user's authentication methods).",
                        SignInProfiles.Evidence(assessment));
                default:
                    return null;
            }
        }
    }
}
