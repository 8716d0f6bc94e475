using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled Conditional Access policy on All resources blocks the user, but only under conditions Graph cannot
    /// see in advance: location (the usual "block outside trusted locations"), platform, a browser-only or app-only
    /// client app type, risk or a device filter. A Warn: whether the user can sign in to Security info or Microsoft
    /// Authenticator to register depends on where and how they do it.
    /// </summary>
    public sealed class AllResourcesBlockConditionalRule : ILayerRule
    {
        public const string Code = "AllResourcesBlockDependsOnConditions";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var conditional = AllResourcesPolicies.Shortfalls(input).FirstOrDefault(s => s.Demand == AllResourcesDemand.Block && s.IsConditional);
            if (conditional == null)
            {
                return null;
            }

            var user = input.User.Name;
            var policy = conditional.Policy.DisplayName;
            var when = string.Join("; ", conditional.Conditions);
            return RuleOutcome.Warn(
                Code,
                $"Conditional Access policy '{policy}' blocks sign-in to all resources, Security info and Microsoft Authenticator included, {when}. Whether {user} can sign in to register depends on where and how they do it.",
                $"Have the user register where '{policy}' does not block sign-in (it blocks {when}), for example on the corporate network when it exempts trusted locations; or exclude them from it while they onboard.",
                conditional.Facts(),
                headline: $"Conditional Access '{policy}' blocks sign-in everywhere, Security info included, {when}.");
        }
    }
}
