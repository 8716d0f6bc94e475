using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// An enabled Conditional Access policy on All resources that always applies to the user requires an
    /// authentication strength whose FIDO2 advanced options allow only certain AAGUIDs, and not this passkey's model
    /// (ED concept-authentication-strength-advanced-options; Graph fido2CombinationConfiguration.allowedAAGUIDs).
    /// </summary>
    public sealed class SignInStrengthAaguidNotAllowedRule : ISignInRule
    {
        public const string Code = "SignInStrengthAaguidNotAllowed";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey) =>
            SignInPolicyShortfalls.Fail(input, passkey, PasskeyDemand.StrengthAaguidNotAllowed, Code,
                s => $"Conditional Access policy '{s.Policy.DisplayName}' requires {s.Unmet} on All resources ({s.Scope.How}), which accepts passkeys of certain models only, and not {SignInPolicyShortfalls.Name(passkey)} ({passkey.Aaguid}).",
                "If this model should satisfy the policy, add its AAGUID to the strength's allowed FIDO2 keys (Advanced options); otherwise the user registers a passkey of an allowed model.",
                s => $"Conditional Access '{s.Policy.DisplayName}' does not accept this passkey model on All resources.");
    }
}
