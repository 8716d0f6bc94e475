using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled Conditional Access policy on "Register security information" or on All resources, in the user's scope,
    /// requires an authentication strength whose fido2 combination configuration allows only some passkey models
    /// (allowedAAGUIDs). A passkey of another model registers, but never satisfies that strength, so the user is left
    /// signing in some other way wherever the policy applies. With -Aaguid the attempt is judged: a model outside the
    /// strength warns (someone must choose another model or widen the strength; registering is not what the strength
    /// stops). Without it, nothing is wrong yet: the models the strength accepts are named as advice for the moment
    /// of registration, which leaves the user Ready.
    /// </summary>
    public sealed class PasskeyOutsideStrengthRule : ILayerRule
    {
        public const string Code = "PasskeyOutsideAuthenticationStrength";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var tenant = input.Tenant;
            if (!RegistrationPolicies.InEffect(tenant))
            {
                return null;
            }

            var narrowing = tenant.ConditionalAccess.RegistrationPolicies
                .Where(p => p.State == ConditionalAccessState.Enabled)
                .Select(p => (p.DisplayName, p.Users, p.Grant.AuthenticationStrength))
                .Concat(tenant.ConditionalAccess.AllResourcesPolicies
                    .Where(p => p.State == ConditionalAccessState.Enabled)
                    .Select(p => (p.DisplayName, p.Users, p.Grant.AuthenticationStrength)))
                .Where(p => p.AuthenticationStrength?.AllowedFido2Aaguids != null
                    && p.AuthenticationStrength.AllowedCombinations.Any(c => c.Contains(AuthenticationModes.Fido2, StringComparer.OrdinalIgnoreCase))
                    && PolicyScope.Of(p.Users, input.User, tenant).Verdict != ScopeVerdict.Out)
                .ToList();
            if (narrowing.Count == 0)
            {
                return null;
            }

            var attempt = input.Hints.Aaguid;
            var (policy, _, strength) = attempt is Guid aaguid
                ? narrowing.FirstOrDefault(p => !p.AuthenticationStrength!.AllowsPasskey(aaguid))
                : narrowing[0];
            if (strength == null)
            {
                return RuleOutcome.Pass(Facts.Of(("authenticationStrengths", string.Join(", ", narrowing.Select(p => $"'{p.AuthenticationStrength!.DisplayName}'").Distinct())), ("attemptAaguid", attempt?.ToString())));
            }

            var accepted = MessageText.OrList(strength.AllowedFido2Aaguids!.Select(a => input.Authenticators.Find(a)?.Name ?? a.ToString()).Distinct().ToList());
            var evidence = Facts.Of(
                ("policy", policy),
                ("authenticationStrength", strength.DisplayName),
                ("allowedAaguids", string.Join(", ", strength.AllowedFido2Aaguids!)),
                ("attemptAaguid", attempt?.ToString()));
            if (attempt is Guid tried)
            {
                var name = input.Authenticators.Find(tried)?.Name ?? tried.ToString();
                return RuleOutcome.Warn(
                    Code,
                    $"Conditional Access policy '{policy}' requires the authentication strength '{strength.DisplayName}', whose passkey combination accepts only {accepted}: the passkey being registered ({name}) would never satisfy it.",
                    $"Register one of {accepted}, or add {tried} to the allowed AAGUIDs of the strength's FIDO2 combination configuration.",
                    evidence);
            }

            return RuleOutcome.Advice(
                Code,
                $"Use {accepted} for the passkey: Conditional Access policy '{policy}' requires the authentication strength '{strength.DisplayName}', which a passkey of any other model never satisfies.",
                $"Register one of {accepted}; run Test-EntraPasskey again with -Aaguid to check the authenticator the user has.",
                evidence);
        }
    }
}
