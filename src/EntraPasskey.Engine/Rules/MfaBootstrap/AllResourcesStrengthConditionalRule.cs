using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled All-resources policy demands an authentication strength the user cannot meet, but only under
    /// conditions Graph cannot see in advance: location, platform (the documented fix splits desktop and mobile
    /// policies, so one side may not apply), client app, risk or a device filter; or its OR grant also takes a
    /// compliant or hybrid joined device or an approved app, so the strength stops the user only on a device or in an
    /// app that offers neither. A Warn: whether the user is stopped depends on where and how they sign in to register.
    /// </summary>
    public sealed class AllResourcesStrengthConditionalRule : ILayerRule
    {
        public const string Code = "AllResourcesAuthStrengthDependsOnConditions";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var conditional = AllResourcesPolicies.Shortfalls(input).FirstOrDefault(s =>
                s.Demand == AllResourcesDemand.AuthStrength && (s.IsConditional || s.DeviceMaySatisfy));
            if (conditional == null)
            {
                return null;
            }

            var user = input.User.Name;
            var policy = conditional.Policy.DisplayName;
            var strength = conditional.Policy.Grant.AuthenticationStrength!;
            var around = new List<string>();
            if (conditional.IsConditional)
            {
                around.Add($"have the user register where '{policy}' does not apply ({string.Join("; ", conditional.Conditions)})");
            }

            if (conditional.DeviceMaySatisfy)
            {
                around.Add($"have the user register from {MessageText.OrList(conditional.Alternatives)}, which '{policy}' accepts instead of the strength");
            }

            return RuleOutcome.Warn(
                Code,
                $"Conditional Access policy '{policy}' requires {conditional.Unmet} for all resources, including signing in to Security info and Microsoft Authenticator, {conditional.When}, and none of {user}'s usable methods meets it. Whether {user} is stopped depends on where and how they sign in to register.",
                $"{TapBootstrap.Sentence(string.Join("; or ", around))}. Otherwise: " + AllResourcesFixes.AuthStrength(policy, strength, input),
                conditional.Facts(("tapWouldHelp", AllResourcesFixes.TapWouldHelp(input, strength))));
        }
    }
}
