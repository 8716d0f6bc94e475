using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled All-resources policy would cause an AllResourcesBlocked, an AllResourcesAuthStrengthUnmet or (for an
    /// Authenticator attempt) an AuthenticatorBlockedByAppProtection failure, but whether it applies to the user depends only on directory
    /// roles (includeRoles), which are not read: Unknown, with why, never a guessed Ready.
    /// </summary>
    public sealed class AllResourcesScopeUnknownRule : ILayerRule
    {
        public const string Code = "AllResourcesScopeUnknown";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var authenticator = AllResourcesPolicies.AuthenticatorPlatform(input.Hints) != null;
            var unsure = AllResourcesPolicies.Shortfalls(input).FirstOrDefault(s =>
                s.Scope.Verdict == ScopeVerdict.Unknown && !s.IsConditional && !s.DeviceMaySatisfy
                && (s.Demand != AllResourcesDemand.AppProtection || authenticator));
            if (unsure == null)
            {
                return null;
            }

            var user = input.User.Name;
            var policy = unsure.Policy.DisplayName;
            string what;
            string fix;
            switch (unsure.Demand)
            {
                case AllResourcesDemand.Block:
                    what = "blocks sign-in to every resource, Security info and Microsoft Authenticator included";
                    fix = AllResourcesFixes.Block(policy, user);
                    break;
                case AllResourcesDemand.AuthStrength:
                    what = $"requires {unsure.Unmet}, which none of {user}'s usable methods meets, to sign in anywhere, Security info and Microsoft Authenticator included";
                    fix = AllResourcesFixes.AuthStrength(policy, unsure.Policy.Grant.AuthenticationStrength!, input);
                    break;
                default:
                    what = $"requires {unsure.Unmet} without excluding the {AllResourcesPolicies.CredentialRegistrationApp} app, which stops this passkey being added in Microsoft Authenticator";
                    fix = AllResourcesFixes.AppProtection(policy);
                    break;
            }

            return RuleOutcome.Unknown(
                Code,
                $"Conditional Access policy '{policy}' on all resources {what}, but it is not known whether it applies: {unsure.Scope.How}.",
                $"Check whether {user} holds one of the directory roles '{policy}' targets (Entra admin center > Users > Assigned roles). If so, they are blocked: {fix}",
                unsure.Facts());
        }
    }
}
