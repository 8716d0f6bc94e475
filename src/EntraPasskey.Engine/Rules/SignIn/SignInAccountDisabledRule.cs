using System.Collections.Generic;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>A disabled account signs in with nothing, passkeys included.</summary>
    public sealed class SignInAccountDisabledRule : ISignInRule
    {
        public const string Code = "SignInAccountDisabled";

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public OwnerQueue Owner => OwnerQueue.IdentityTeam;

        public RuleOutcome? Evaluate(DiagnosisInput input, RegisteredMethod passkey) =>
            input.User.AccountEnabled != false
                ? null
                : RuleOutcome.Fail(
                    Code,
                    $"{input.User.Name}'s account is disabled, so no passkey (nor any other method) can sign in.",
                    "If the person should have access, enable the account (accountEnabled = true).",
                    Facts.Of(("accountEnabled", "false")));
    }
}
