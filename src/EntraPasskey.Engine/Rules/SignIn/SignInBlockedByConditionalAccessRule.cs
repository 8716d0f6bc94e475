using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>An enabled Conditional Access policy on All resources blocks the user, always: no sign-in, passkey or not.</summary>
    public sealed class SignInBlockedByConditionalAccessRule : ISignInRule
    {
        public const string Code = "SignInBlockedByConditionalAccess";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey) =>
            SignInPolicyShortfalls.Fail(input, passkey, PasskeyDemand.Block, Code,
                s => $"Conditional Access policy '{s.Policy.DisplayName}' blocks {input.User.Name} from All resources ({s.Scope.How}), so no sign-in gets through, with a passkey or otherwise.",
                "If the user should have access, exclude them from the policy or end the block.");
    }
}
