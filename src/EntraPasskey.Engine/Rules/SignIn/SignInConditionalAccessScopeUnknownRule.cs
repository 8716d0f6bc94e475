using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// An All-resources policy that the passkey could not get through may apply: the user is in it only if they hold a
    /// directory role it names (roles are not read), or Graph gives no AAGUID to check against the strength's allowed
    /// models. Unknown rather than a guess either way.
    /// </summary>
    public sealed class SignInConditionalAccessScopeUnknownRule : ISignInRule
    {
        public const string Code = "SignInConditionalAccessScopeUnknown";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey)
        {
            var shortfall = PasskeyConditionalAccess.Shortfalls(input, passkey).FirstOrDefault(s =>
                s.Conditions.Count == 0 && s.Alternatives.Count == 0
                && (s.Scope.Verdict == ScopeVerdict.Unknown || (s.Scope.Verdict == ScopeVerdict.In && s.Demand == PasskeyDemand.AaguidUnknown)));
            if (shortfall == null)
            {
                return null;
            }

            var why = shortfall.Scope.Verdict == ScopeVerdict.Unknown
                ? $"it would stop passkey {SignInPolicyShortfalls.Name(passkey)} ({shortfall.Unmet}), and {shortfall.Scope.How}"
                : $"it requires {shortfall.Unmet}, which accepts certain passkey models only, and Graph gives no AAGUID for passkey {SignInPolicyShortfalls.Name(passkey)}";
            return RuleOutcome.Unknown(
                Code,
                $"Whether Conditional Access policy '{shortfall.Policy.DisplayName}' stops this passkey is unknown: {why}.",
                shortfall.Scope.Verdict == ScopeVerdict.Unknown
                    ? "Check whether the user holds one of the policy's directory roles (Entra admin center > Users > Assigned roles)."
                    : "Check the passkey's model in the user's authentication methods against the strength's allowed FIDO2 keys.",
                shortfall.Facts());
        }
    }
}
