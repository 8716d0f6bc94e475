using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>A disabled account cannot sign in to Security info at all.</summary>
    public sealed class AccountDisabledRule : ILayerRule
    {
        public const string Code = "AccountDisabled";

        public PasskeyLayer Layer => PasskeyLayer.AuthenticationMethodsPolicy;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            if (input.User.AccountEnabled != false)
            {
                return null;
            }

            return RuleOutcome.Fail(
                Code,
                $"{input.User.Name}'s account is disabled, so they cannot sign in to Security info.",
                "If the person should have access, enable the account (accountEnabled = true), then retry.",
                Facts.Of(("accountEnabled", "false")));
        }
    }
}
