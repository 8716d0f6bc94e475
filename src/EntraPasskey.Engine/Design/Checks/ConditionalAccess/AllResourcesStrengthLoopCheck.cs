using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Design.Checks.ConditionalAccess
{
    /// <summary>
    /// An enabled policy on All resources requires an authentication strength that only a passkey-class method
    /// (passkey, Windows Hello for Business, certificate) satisfies and that no Temporary Access Pass satisfies. It
    /// also applies when the user signs in to Security info or Microsoft Authenticator to register, so a user needs a
    /// passkey to register their first passkey: Microsoft documents this registration loop and its workaround (let a
    /// pass satisfy the policy, at least on mobile). A platform or location condition narrows but does not close it.
    /// </summary>
    public sealed class AllResourcesStrengthLoopCheck : IDesignCheck
    {
        /// <summary>authenticationMethodModes a user can only have once they already hold a phishing-resistant credential.</summary>
        private static readonly string[] PhishingResistantModes =
        {
            AuthenticationModes.Fido2, AuthenticationModes.WindowsHelloForBusiness, "x509CertificateMultiFactor", "x509CertificateSingleFactor",
        };

        public string Id => "AllResourcesStrengthLoop";

        public string Title => "No All-resources strength makes a registration loop";

        public DesignSeverity Severity => DesignSeverity.High;

        public Uri Documentation => DesignDocs.AuthenticatorPasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var tenant = input.Tenant;
            if (!RegistrationPolicies.InEffect(tenant) || tenant.ConditionalAccess.Gap != null)
            {
                return null;
            }

            var loops = new List<(AllResourcesPolicy Policy, IReadOnlyList<string> Conditions)>();
            foreach (var policy in tenant.ConditionalAccess.AllResourcesPolicies.Where(p => p.State == ConditionalAccessState.Enabled && RegistrationPolicies.CoversRegistration(p.Conditions)))
            {
                if (policy.Grant.AuthenticationStrength is { } strength
                    && (policy.Grant.RequireAll || policy.Grant.BuiltInControls.Count == 0)
                    && NeedsPasskeyClass(strength)
                    && TapBootstrap.StrengthRejects(tenant, strength) != null)
                {
                    loops.Add((policy, RegistrationPolicies.Conditions(policy.Conditions)));
                }
            }

            if (loops.Count == 0)
            {
                return null;
            }

            var list = string.Join("; ", loops.Select(l => $"'{l.Policy.DisplayName}' requires '{l.Policy.Grant.AuthenticationStrength!.DisplayName}'"
                + (l.Conditions.Count == 0 ? string.Empty : $" ({string.Join(", ", l.Conditions)})")));
            var audiences = loops.Select(l => PolicyAudience.Of(l.Policy.Users, input)).ToList();
            return DesignOutcome.Fail(
                $"An All-resources policy requires a phishing-resistant strength that no Temporary Access Pass satisfies: {list}. Signing in to Security info or Authenticator to register needs a passkey already, so users in scope without one are stuck in a registration loop.",
                "Let a Temporary Access Pass satisfy the policy (add it to the strength, at least for mobile platforms, as Microsoft's workaround does) or exclude 'Register security information' sign-ins from the requirement, and bootstrap users with New-PasskeyBootstrapTap.",
                Facts.Of(("policies", list)),
                audiences.Count == 1 ? audiences[0] : new Audience(audiences.All(a => a.Users != null) ? audiences.Sum(a => a.Users!.Value) : (int?)null, string.Join(" + ", audiences.Select(a => a.Basis))),
                loops.All(l => l.Conditions.Count > 0) ? DesignSeverity.Medium : (DesignSeverity?)null);
        }

        private static bool NeedsPasskeyClass(AuthenticationStrength strength) =>
            strength.AllowedCombinations.Count > 0
            && strength.AllowedCombinations.All(c => c.Any(m => PhishingResistantModes.Contains(m, StringComparer.OrdinalIgnoreCase)));
    }
}
