using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// The enabled Conditional Access policies on All resources that a sign-in with one passkey cannot get through:
    /// a block; an authentication strength with no combination a passkey alone meets (no fido2); a fido2 combination
    /// whose allowedAAGUIDs omit the passkey's model (ED concept-authentication-strength-advanced-options). A passkey
    /// completes MFA, so a plain "require MFA" grant is met; a device or app control depends on the device signed in
    /// from, so under OR it is an alternative that makes the finding a warning, and a policy that asks only for one is
    /// not about the passkey at all. Scope, conditions, report-only and legacy-only policies and security defaults are
    /// judged as for registration (<see cref="PolicyScope"/>, <see cref="RegistrationPolicies"/>). Policies on single
    /// applications are not read (ConditionalAccessEvidence keeps registration and All-resources policies only).
    /// </summary>
    public static class PasskeyConditionalAccess
    {
        public static IReadOnlyList<PasskeyPolicyShortfall> Shortfalls(DiagnosisInput input, RegisteredMethod passkey)
        {
            var tenant = input.Tenant;
            if (!RegistrationPolicies.InEffect(tenant))
            {
                return Array.Empty<PasskeyPolicyShortfall>();
            }

            var shortfalls = new List<PasskeyPolicyShortfall>();
            foreach (var policy in tenant.ConditionalAccess.AllResourcesPolicies.Where(p => p.State == ConditionalAccessState.Enabled && RegistrationPolicies.CoversRegistration(p.Conditions)))
            {
                var scope = PolicyScope.Of(policy.Users, input.User, tenant);
                if (scope.Verdict == ScopeVerdict.Out)
                {
                    continue;
                }

                var shortfall = Grant(policy, scope, passkey);
                if (shortfall != null)
                {
                    shortfalls.Add(shortfall);
                }
            }

            return shortfalls;
        }

        private static PasskeyPolicyShortfall? Grant(AllResourcesPolicy policy, PolicyScope scope, RegisteredMethod passkey)
        {
            var grant = policy.Grant;
            var controls = new List<(PasskeyDemand Demand, string Name)>();
            foreach (var control in grant.BuiltInControls)
            {
                if (Same(control, "block"))
                {
                    controls.Add((PasskeyDemand.Block, "block access"));
                }
                else if (Same(control, "mfa"))
                {
                    controls.Add((PasskeyDemand.Met, "multifactor authentication"));
                }
                else if (RegistrationPolicies.IsDeviceControl(control))
                {
                    controls.Add((PasskeyDemand.Device, RegistrationPolicies.DeviceControlName(control)));
                }
            }

            if (grant.AuthenticationStrength is { } strength)
            {
                controls.Add((Strength(strength, passkey), $"authentication strength '{strength.DisplayName}'"));
            }

            var hard = controls.Where(c => c.Demand != PasskeyDemand.Met && c.Demand != PasskeyDemand.Device).ToList();
            if (hard.Count == 0 || (!grant.RequireAll && controls.Any(c => c.Demand == PasskeyDemand.Met)))
            {
                return null;
            }

            var decisive = hard.Max(c => c.Demand);
            var alternatives = grant.RequireAll ? new List<string>() : controls.Where(c => c.Demand == PasskeyDemand.Device).Select(c => c.Name).ToList();
            var unmet = string.Join(grant.RequireAll ? " and " : " or ", hard.Select(c => c.Name));
            return new PasskeyPolicyShortfall(policy, scope, decisive, unmet, RegistrationPolicies.Conditions(policy.Conditions), alternatives, grant.AuthenticationStrength);
        }

        /// <summary>
        /// Whether signing in with this passkey alone meets the strength: some allowed combination needs nothing but
        /// fido2, and no fido2 combination configuration leaves the passkey's AAGUID out.
        /// </summary>
        private static PasskeyDemand Strength(AuthenticationStrength strength, RegisteredMethod passkey)
        {
            var passkeyOnly = strength.AllowedCombinations.Any(c => c.Count > 0 && c.All(mode => Same(mode, AuthenticationModes.Fido2)));
            if (!passkeyOnly)
            {
                return PasskeyDemand.StrengthWithoutPasskey;
            }

            var allowed = strength.AllowedFido2Aaguids;
            if (allowed == null)
            {
                return PasskeyDemand.Met;
            }

            if (!passkey.Aaguid.HasValue)
            {
                return PasskeyDemand.AaguidUnknown;
            }

            return allowed.Contains(passkey.Aaguid.Value) ? PasskeyDemand.Met : PasskeyDemand.StrengthAaguidNotAllowed;
        }

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What a grant control asks of a passkey sign-in, from met to hardest.</summary>
    public enum PasskeyDemand
    {
        Met,

        /// <summary>A compliant or hybrid joined device, an approved or protected app: depends on the device, not the passkey.</summary>
        Device,

        /// <summary>The strength has a fido2 combination limited to certain AAGUIDs, and Graph gives none for this passkey.</summary>
        AaguidUnknown,

        /// <summary>The strength's fido2 combination lists AAGUIDs, and not this passkey's.</summary>
        StrengthAaguidNotAllowed,

        /// <summary>No combination of the strength is met by a passkey alone.</summary>
        StrengthWithoutPasskey,

        Block,
    }

    /// <summary>One All-resources policy a sign-in with the passkey cannot get through, and how sure that is.</summary>
    /// <param name="Unmet">The failing controls in words.</param>
    /// <param name="Conditions">When the policy applies, in words; empty when always.</param>
    /// <param name="Alternatives">Device or app controls an OR grant also accepts; empty when none.</param>
    public sealed record PasskeyPolicyShortfall(
        AllResourcesPolicy Policy,
        PolicyScope Scope,
        PasskeyDemand Demand,
        string Unmet,
        IReadOnlyList<string> Conditions,
        IReadOnlyList<string> Alternatives,
        AuthenticationStrength? Strength)
    {
        /// <summary>Applies to the user for sure, always, with nothing else accepted: a fact.</summary>
        public bool IsCertain => Scope.Verdict == ScopeVerdict.In && Conditions.Count == 0 && Alternatives.Count == 0 && Demand != PasskeyDemand.AaguidUnknown;

        /// <summary>When it stops the passkey, in words: its conditions and what it accepts instead.</summary>
        public string When => string.Join("; ", Conditions.Concat(Alternatives.Count == 0 ? Array.Empty<string>() : new[] { "unless the sign-in comes from " + MessageText.OrList(Alternatives) }));

        public IDictionary<string, string> Facts(params (string Key, string? Value)[] more) =>
            Rules.Facts.Of(new[]
            {
                ("policy", (string?)Policy.DisplayName),
                ("policyId", Policy.Id),
                ("resources", "All resources"),
                ("scope", Scope.How),
                ("unmet", Unmet),
                ("strengthCombinations", Strength == null ? null : AuthenticationModes.Describe(Strength)),
                ("strengthAllowedAaguids", Strength?.AllowedFido2Aaguids == null ? null : string.Join(", ", Strength.AllowedFido2Aaguids)),
                ("conditions", Conditions.Count == 0 ? null : string.Join("; ", Conditions)),
                ("satisfiedInsteadBy", Alternatives.Count == 0 ? null : MessageText.OrList(Alternatives)),
            }.Concat(more).ToArray());
    }
}
