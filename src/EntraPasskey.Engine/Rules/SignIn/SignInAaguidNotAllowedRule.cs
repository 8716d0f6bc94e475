using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// The passkey's model (AAGUID) is not on the allow list of any passkey profile of the user: removing a previously
    /// allowed AAGUID stops registered passkeys of that model from signing in.
    /// </summary>
    public sealed class SignInAaguidNotAllowedRule : ISignInRule
    {
        public const string Code = "SignInAaguidNotAllowed";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey) =>
            SignInProfiles.Fail(input, passkey, ProfileIssueKind.AaguidNotAllowed, Code,
                "If this model should sign in, add its AAGUID to the profile's allow list (Get-PasskeyAuthenticator lists a model's AAGUIDs); otherwise the user registers an allowed model (and you remove this one with Remove-EntraPasskey).");
    }
}
