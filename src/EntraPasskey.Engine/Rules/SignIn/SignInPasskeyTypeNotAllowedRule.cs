using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// No passkey profile of the user admits the passkey's type: with synced passkeys turned off in a profile, "targeted
    /// users can't sign in with a synced passkey even if they already registered one".
    /// </summary>
    public sealed class SignInPasskeyTypeNotAllowedRule : ISignInRule
    {
        public const string Code = "SignInPasskeyTypeNotAllowed";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey) =>
            SignInProfiles.Fail(input, passkey, ProfileIssueKind.PasskeyTypeNotAllowed, Code,
                "If passkeys of this type should sign in, add the type to one of the user's passkey profiles; otherwise the user registers a passkey of an admitted type (for synced-only bans, a security key or Microsoft Authenticator).");
    }
}
