using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Evaluates the enabled Conditional Access policies on "Register security information" for one user: which of
    /// them apply (or may apply) and demand something the user cannot show. Report-only and disabled policies do not
    /// block anyone. With security defaults on, Conditional Access is not in effect at all.
    /// </summary>
    public static class RegistrationPolicies
    {
        private static readonly string[] DeviceControls = { "compliantDevice", "domainJoinedDevice", "approvedApplication", "compliantApplication" };

        /// <summary>Legacy-authentication client app types (graph-facts §8.2): Exchange ActiveSync and other clients (IMAP, POP, SMTP).</summary>
        private static readonly string[] LegacyClientApps = { "exchangeActiveSync", "easSupported", "other" };

        /// <summary>The client app types registration uses: Security info in a browser, Microsoft Authenticator as a mobile app.</summary>
        private static readonly string[] RegistrationClientApps = { "browser", "mobileAppsAndDesktopClients" };

        public static bool InEffect(TenantSnapshot tenant) => tenant.SecurityDefaults.Enabled != true;

        /// <summary>The enabled policies in (or possibly in) scope whose grant the user may not satisfy, in policy order.</summary>
        public static IReadOnlyList<RegistrationShortfall> Shortfalls(DiagnosisInput input)
        {
            var tenant = input.Tenant;
            if (!InEffect(tenant))
            {
                return Array.Empty<RegistrationShortfall>();
            }

            var modes = AuthenticationModes.Of(input);
            var shortfalls = new List<RegistrationShortfall>();
            foreach (var policy in tenant.ConditionalAccess.RegistrationPolicies.Where(p => p.State == ConditionalAccessState.Enabled && CoversRegistration(p.Conditions)))
            {
                var scope = PolicyScope.Of(policy.Users, input.User, tenant);
                if (scope.Verdict == ScopeVerdict.Out)
                {
                    continue;
                }

                var (kind, unmet) = Grant(policy.Grant, modes);
                if (kind != ShortfallKind.None)
                {
                    shortfalls.Add(new RegistrationShortfall(policy, scope, kind, unmet, Conditions(policy.Conditions)));
                }
            }

            return shortfalls;
        }

        /// <summary>
        /// Combines the grant controls with the policy's operator. Each control is met, unmet, or depends on the
        /// device (which Graph cannot show for a registration that has not happened yet). OR: any met control is
        /// enough; AND: any unmet control fails the grant. Shared with the All-resources policies.
        /// </summary>
        internal static (ShortfallKind Kind, string Unmet) Grant(AccessPolicyGrant grant, PresentedModes modes)
        {
            var controls = new List<(ShortfallKind Kind, string Name)>();
            foreach (var control in grant.BuiltInControls)
            {
                if (string.Equals(control, "block", StringComparison.OrdinalIgnoreCase))
                {
                    controls.Add((ShortfallKind.Block, "block access"));
                }
                else if (string.Equals(control, "mfa", StringComparison.OrdinalIgnoreCase))
                {
                    // Security info asks for MFA anyway; a user without any is NoMfaCapableMethod's case.
                    controls.Add((ShortfallKind.None, "multifactor authentication"));
                }
                else if (IsDeviceControl(control))
                {
                    controls.Add((ShortfallKind.Device, DeviceControlName(control)));
                }
            }

            if (grant.AuthenticationStrength is { } strength)
            {
                controls.Add((AuthenticationModes.FirstMet(strength, modes) == null ? ShortfallKind.Strength : ShortfallKind.None, $"authentication strength '{strength.DisplayName}'"));
            }

            if (controls.Count == 0)
            {
                return (ShortfallKind.None, string.Empty);
            }

            var failing = grant.RequireAll
                ? controls.Where(c => c.Kind != ShortfallKind.None).ToList()
                : controls.All(c => c.Kind != ShortfallKind.None) ? controls : new List<(ShortfallKind Kind, string Name)>();
            if (failing.Count == 0)
            {
                return (ShortfallKind.None, string.Empty);
            }

            // The softest failing control decides under OR (the user can take that route); the hardest under AND.
            var decisive = grant.RequireAll ? failing.Max(c => c.Kind) : failing.Min(c => c.Kind);
            return (decisive, string.Join(grant.RequireAll ? " and " : " or ", failing.Select(c => c.Name)));
        }

        /// <summary>A compliant or hybrid joined device, an approved client app or an app protection policy.</summary>
        internal static bool IsDeviceControl(string control) => DeviceControls.Contains(control, StringComparer.OrdinalIgnoreCase);

        internal static string DeviceControlName(string control)
        {
            switch (control.ToLowerInvariant())
            {
                case "compliantdevice": return "a compliant device";
                case "domainjoineddevice": return "a Microsoft Entra hybrid joined device";
                case "approvedapplication": return "an approved client app";
                default: return "an app protection policy";
            }
        }

        /// <summary>
        /// False for a policy only on legacy-authentication clients (the usual "block legacy authentication"): registering
        /// in a browser or in Microsoft Authenticator is never such a sign-in, so the policy cannot stop it. A client app
        /// type this code does not know counts as covering registration, so it can only make the diagnosis stricter.
        /// </summary>
        internal static bool CoversRegistration(AccessPolicyConditions conditions) =>
            conditions.ClientAppTypes.Count == 0 || !conditions.ClientAppTypes.All(c => LegacyClientApps.Contains(c, StringComparer.OrdinalIgnoreCase));

        /// <summary>The conditions that narrow when the policy applies, in words; empty when it always applies.</summary>
        internal static IReadOnlyList<string> Conditions(AccessPolicyConditions conditions)
        {
            var narrowing = new List<string>();
            var allLocations = conditions.IncludeLocations.Count == 0 || conditions.IncludeLocations.Any(l => string.Equals(l, "All", StringComparison.OrdinalIgnoreCase));
            if (!allLocations)
            {
                narrowing.Add("only from locations " + string.Join(", ", conditions.IncludeLocations));
            }

            if (conditions.ExcludeLocations.Count > 0)
            {
                narrowing.Add("except from " + string.Join(", ", conditions.ExcludeLocations.Select(l =>
                    string.Equals(l, "AllTrusted", StringComparison.OrdinalIgnoreCase) ? "trusted locations" : "location " + l)));
            }

            if (conditions.IncludePlatforms.Count > 0 && !conditions.IncludePlatforms.Any(p => string.Equals(p, "all", StringComparison.OrdinalIgnoreCase)))
            {
                narrowing.Add("only on " + string.Join(", ", conditions.IncludePlatforms));
            }

            if (conditions.ExcludePlatforms.Count > 0)
            {
                narrowing.Add("except on " + string.Join(", ", conditions.ExcludePlatforms));
            }

            // Legacy client app types never see a registration; only the others can narrow it.
            var clientApps = conditions.ClientAppTypes.Where(c => !LegacyClientApps.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            var allClientApps = conditions.ClientAppTypes.Count == 0
                || clientApps.Any(c => string.Equals(c, "all", StringComparison.OrdinalIgnoreCase))
                || RegistrationClientApps.All(r => clientApps.Contains(r, StringComparer.OrdinalIgnoreCase));
            if (!allClientApps)
            {
                narrowing.Add("only for client apps " + string.Join(", ", clientApps));
            }

            if (conditions.SignInRiskLevels.Count > 0)
            {
                narrowing.Add("only at sign-in risk " + string.Join(", ", conditions.SignInRiskLevels));
            }

            if (conditions.UserRiskLevels.Count > 0)
            {
                narrowing.Add("only at user risk " + string.Join(", ", conditions.UserRiskLevels));
            }

            if (conditions.HasDeviceFilter)
            {
                narrowing.Add("only for devices matching its device filter");
            }

            return narrowing;
        }
    }

    /// <summary>What an enabled registration policy demands that the user may not satisfy, from softest to hardest.</summary>
    public enum ShortfallKind
    {
        None,

        /// <summary>A compliant or hybrid joined device, or an approved/protected app: depends on the device used.</summary>
        Device,

        /// <summary>An authentication strength none of the user's usable methods meets.</summary>
        Strength,

        Block,
    }

    /// <summary>One registration policy that stands in the user's way, with how sure we are that it applies.</summary>
    /// <param name="Unmet">The failing controls in words ("block access", "authentication strength 'X'").</param>
    /// <param name="Conditions">When it applies, in words; empty when always.</param>
    public sealed record RegistrationShortfall(RegistrationPolicy Policy, PolicyScope Scope, ShortfallKind Kind, string Unmet, IReadOnlyList<string> Conditions)
    {
        public bool IsConditional => Conditions.Count > 0;

        /// <summary>Applies for sure and cannot be met whatever device or place: a Fail.</summary>
        public bool IsCertain => Scope.Verdict == ScopeVerdict.In && !IsConditional && Kind != ShortfallKind.Device;

        public IDictionary<string, string> Facts(params (string Key, string? Value)[] more) =>
            Rules.Facts.Of(new[]
            {
                ("policy", (string?)Policy.DisplayName),
                ("policyId", Policy.Id),
                ("scope", Scope.How),
                ("unmet", Unmet),
                ("conditions", IsConditional ? string.Join("; ", Conditions) : null),
            }.Concat(more).ToArray());
    }
}
