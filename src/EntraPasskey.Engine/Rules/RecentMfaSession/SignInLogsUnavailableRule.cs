using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.RecentMfaSession
{
    /// <summary>
    /// The sign-in logs could not be read (no Entra ID P1/P2 licence, AuditLog.Read.All missing, throttled): when the
    /// user last did MFA is Unknown, with the reason. This layer cannot block, so the verdict does not become Unknown.
    /// </summary>
    public sealed class SignInLogsUnavailableRule : ILayerRule
    {
        public const string Code = "SignInLogsUnavailable";

        public PasskeyLayer Layer => PasskeyLayer.RecentMfaSession;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var gap = input.User.SignIns.Gap;
            if (gap == null)
            {
                return null;
            }

            return RuleOutcome.Unknown(
                Code,
                $"When {input.User.Name} last completed MFA is not known: {gap.Why}",
                (gap.MissingPermission == null ? string.Empty : $"Grant {gap.MissingPermission} to see sign-ins. ")
                    + "Meanwhile, have the user sign out and sign in again with MFA right before adding the passkey: Security info asks for MFA within the last 5 minutes.",
                Facts.Of(("missingPermission", gap.MissingPermission), ("why", gap.Why)));
        }
    }
}
