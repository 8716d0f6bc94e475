using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// An All-resources policy the passkey cannot get through applies to the user only under some conditions
    /// (locations, platforms, risk, a device filter), or accepts a compliant device or approved app instead: the
    /// passkey works elsewhere, so this warns and says when it does not.
    /// </summary>
    public sealed class SignInConditionalAccessDependsOnConditionsRule : ISignInRule
    {
        public const string Code = "SignInConditionalAccessDependsOnConditions";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey)
        {
            var shortfall = PasskeyConditionalAccess.Shortfalls(input, passkey).FirstOrDefault(s =>
                s.Scope.Verdict != ScopeVerdict.Out && (s.Conditions.Count > 0 || s.Alternatives.Count > 0));
            if (shortfall == null)
            {
                return null;
            }

            return RuleOutcome.Warn(
                Code,
                $"Conditional Access policy '{shortfall.Policy.DisplayName}' requires {shortfall.Unmet} on All resources, which passkey {SignInPolicyShortfalls.Name(passkey)} cannot give, {shortfall.When}: there the passkey cannot sign in.",
                "Tell the user where the passkey works; if it should work everywhere, change the policy's grant or conditions.",
                shortfall.Facts());
        }
    }
}
