using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled Conditional Access policy on All resources blocks the user wherever they are and whatever they sign
    /// in with. Signing in to Security info or Microsoft Authenticator to register is covered too (graph-facts §8.2), so
    /// the user cannot even start. A policy only on legacy-authentication clients (Exchange ActiveSync, other clients:
    /// the usual "block legacy authentication") never sees a registration and is not counted. It runs right after the
    /// block on the registration action itself and before every other layer-3 cause, because no method, pass or
    /// device gets past a block.
    /// </summary>
    public sealed class AllResourcesBlockedRule : ILayerRule
    {
        public const string Code = "AllResourcesBlocked";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var blocked = AllResourcesPolicies.Shortfalls(input).FirstOrDefault(s => s.Demand == AllResourcesDemand.Block && s.IsCertain);
            if (blocked == null)
            {
                return null;
            }

            var user = input.User.Name;
            return RuleOutcome.Fail(
                Code,
                $"Conditional Access policy '{blocked.Policy.DisplayName}' blocks {user} from signing in to all resources ({blocked.Scope.How}), Security info and Microsoft Authenticator included, so they cannot sign in to register a passkey.",
                AllResourcesFixes.Block(blocked.Policy.DisplayName, user),
                blocked.Facts(),
                headline: $"Conditional Access '{blocked.Policy.DisplayName}' blocks {user} from signing in anywhere, Security info included ({blocked.Scope.How}).");
        }
    }
}
