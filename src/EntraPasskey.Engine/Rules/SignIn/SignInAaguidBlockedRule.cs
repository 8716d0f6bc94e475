using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>The passkey's model (AAGUID) is on the block list of every passkey profile of the user.</summary>
    public sealed class SignInAaguidBlockedRule : ISignInRule
    {
        public const string Code = "SignInAaguidBlocked";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey) =>
            SignInProfiles.Fail(input, passkey, ProfileIssueKind.AaguidBlocked, Code,
                "If this model should sign in, take its AAGUID off the profile's block list; otherwise the user registers a passkey of a model the profile admits (and you remove this one with Remove-EntraPasskey).");
    }
}
