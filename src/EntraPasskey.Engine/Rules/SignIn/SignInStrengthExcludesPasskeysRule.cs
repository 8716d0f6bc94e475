using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// An enabled Conditional Access policy on All resources that always applies to the user requires an
    /// authentication strength with no combination a passkey alone meets (no fido2): signing in with the passkey,
    /// the user is asked for another method ("If an authentication strength requires a method that a user can't use,
    /// the user is blocked from sign-in", ED troubleshoot-authentication-strengths).
    /// </summary>
    public sealed class SignInStrengthExcludesPasskeysRule : ISignInRule
    {
        public const string Code = "SignInStrengthExcludesPasskeys";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey) =>
            SignInPolicyShortfalls.Fail(input, passkey, PasskeyDemand.StrengthWithoutPasskey, Code,
                s => $"Conditional Access policy '{s.Policy.DisplayName}' requires {s.Unmet} on All resources ({s.Scope.How}), and none of its combinations is a passkey, so passkey {SignInPolicyShortfalls.Name(passkey)} cannot satisfy it.",
                "Add Passkeys (FIDO2) to the authentication strength (or use the built-in Phishing-resistant MFA strength), or exclude the user from the policy if they should sign in with passkeys.",
                s => $"Conditional Access '{s.Policy.DisplayName}' does not accept this passkey on All resources.");
    }
}
