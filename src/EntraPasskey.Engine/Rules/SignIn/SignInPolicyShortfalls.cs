using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>The shape of a certain Conditional Access failure at sign-in: the first policy whose demand is the rule's.</summary>
    internal static class SignInPolicyShortfalls
    {
        /// <param name="headline">What the summary says when this decides it, for a message too long to read aloud.</param>
        public static RuleOutcome? Fail(
            DiagnosisInput input, RegisteredMethod passkey, PasskeyDemand demand, string code, System.Func<PasskeyPolicyShortfall, string> message, string remediation,
            System.Func<PasskeyPolicyShortfall, string>? headline = null)
        {
            var shortfall = PasskeyConditionalAccess.Shortfalls(input, passkey).FirstOrDefault(s => s.Demand == demand && s.IsCertain);
            return shortfall == null ? null : RuleOutcome.Fail(code, message(shortfall), remediation, shortfall.Facts(), headline?.Invoke(shortfall));
        }

        /// <summary>"'YubiKey 5 NFC' (YubiKey 5 Series with NFC)" for messages.</summary>
        public static string Name(RegisteredMethod passkey) =>
            passkey.DisplayName != null && passkey.Model != null && passkey.DisplayName != passkey.Model
                ? $"'{passkey.DisplayName}' ({passkey.Model})"
                : $"'{passkey.DisplayName ?? passkey.Model ?? passkey.Id}'";
    }
}
