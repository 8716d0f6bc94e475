using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>The Passkey (FIDO2) method is off in the authentication methods policy: no passkey signs in.</summary>
    public sealed class SignInMethodDisabledRule : ISignInRule
    {
        public const string Code = "SignInMethodDisabled";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey) =>
            input.Tenant.Fido2.Enabled
                ? null
                : RuleOutcome.Fail(
                    Code,
                    "The Passkey (FIDO2) method is disabled in the authentication methods policy, so no registered passkey can sign in.",
                    "Enable Passkey (FIDO2) (Entra admin center > Authentication methods > Policies) for the users who sign in with passkeys.",
                    Facts.Of(("fido2State", "disabled")));
    }
}
