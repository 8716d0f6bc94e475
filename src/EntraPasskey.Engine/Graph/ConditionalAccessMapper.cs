using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Keeps the Conditional Access policies that target "Register security information" or All resources, as evidence
    /// records.
    /// </summary>
    internal static class ConditionalAccessMapper
    {
        public const string RegisterSecurityInfo = "urn:user:registersecurityinfo";

        /// <summary>The includeApplications keyword for All resources (formerly "All cloud apps").</summary>
        public const string AllApplications = "All";

        /// <summary>Null for a policy that does not target the registration user action.</summary>
        public static RegistrationPolicy? Map(ConditionalAccessPolicy policy)
        {
            var conditions = policy.Conditions;
            var actions = conditions?.Applications?.IncludeUserActions ?? new List<string>();
            if (policy.Id == null || !actions.Any(a => string.Equals(a, RegisterSecurityInfo, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            return new RegistrationPolicy(
                policy.Id,
                policy.DisplayName ?? policy.Id,
                MapState(policy.State),
                MapUsers(conditions?.Users),
                MapConditions(conditions),
                MapGrant(policy.GrantControls));
        }

        /// <summary>Null for a policy that does not include All resources.</summary>
        public static AllResourcesPolicy? MapAllResources(ConditionalAccessPolicy policy)
        {
            var conditions = policy.Conditions;
            var applications = conditions?.Applications?.IncludeApplications ?? new List<string>();
            if (policy.Id == null || !applications.Any(a => string.Equals(a, AllApplications, StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            return new AllResourcesPolicy(
                policy.Id,
                policy.DisplayName ?? policy.Id,
                MapState(policy.State),
                MapUsers(conditions?.Users),
                MapConditions(conditions),
                MapGrant(policy.GrantControls),
                List(conditions?.Applications?.ExcludeApplications));
        }

        private static ConditionalAccessState MapState(ConditionalAccessPolicyState? state)
        {
            switch (state)
            {
                case ConditionalAccessPolicyState.Enabled: return ConditionalAccessState.Enabled;
                case ConditionalAccessPolicyState.EnabledForReportingButNotEnforced: return ConditionalAccessState.ReportOnly;
                default: return ConditionalAccessState.Disabled;
            }
        }

        private static AccessPolicyUsers MapUsers(ConditionalAccessUsers? users) =>
            new AccessPolicyUsers(
                List(users?.IncludeUsers),
                List(users?.ExcludeUsers),
                List(users?.IncludeGroups),
                List(users?.ExcludeGroups),
                List(users?.IncludeRoles),
                List(users?.ExcludeRoles),
                users?.IncludeGuestsOrExternalUsers != null,
                users?.ExcludeGuestsOrExternalUsers != null);

        private static AccessPolicyConditions MapConditions(ConditionalAccessConditionSet? conditions) =>
            new AccessPolicyConditions(
                List(conditions?.Locations?.IncludeLocations),
                List(conditions?.Locations?.ExcludeLocations),
                Wire(conditions?.Platforms?.IncludePlatforms),
                Wire(conditions?.Platforms?.ExcludePlatforms),
                Wire(conditions?.ClientAppTypes),
                Wire(conditions?.SignInRiskLevels),
                Wire(conditions?.UserRiskLevels),
                conditions?.Devices?.DeviceFilter != null);

        private static AccessPolicyGrant MapGrant(ConditionalAccessGrantControls? grant)
        {
            var strength = grant?.AuthenticationStrength;
            return new AccessPolicyGrant(
                string.Equals(grant?.Operator, "AND", StringComparison.OrdinalIgnoreCase),
                Wire(grant?.BuiltInControls),
                strength == null
                    ? null
                    : new AuthenticationStrength(
                        strength.Id ?? string.Empty,
                        strength.DisplayName ?? strength.Id ?? "authentication strength",
                        (strength.AllowedCombinations ?? new List<AuthenticationMethodModes?>())
                            .Where(c => c.HasValue)
                            .Select(c => (IReadOnlyCollection<string>)Modes(c!.Value))
                            .ToList())
                    {
                        AllowedFido2Aaguids = AllowedFido2Aaguids(strength.CombinationConfigurations),
                    });
        }

        /// <summary>
        /// The AAGUIDs the strength's fido2CombinationConfigurations allow for the fido2 combination, together; null
        /// when none applies to fido2, or when they list none (the advanced options left empty restrict nothing). An
        /// AAGUID that is not a GUID is kept out: no passkey can have it.
        /// </summary>
        private static IReadOnlyList<Guid>? AllowedFido2Aaguids(List<AuthenticationCombinationConfiguration>? configurations)
        {
            var fido2 = (configurations ?? new List<AuthenticationCombinationConfiguration>())
                .OfType<Fido2CombinationConfiguration>()
                .Where(c => c.AppliesToCombinations == null || c.AppliesToCombinations.Count == 0 || c.AppliesToCombinations.Contains(AuthenticationMethodModes.Fido2))
                .ToList();
            if (fido2.Count == 0)
            {
                return null;
            }

            var listed = fido2.SelectMany(c => c.AllowedAAGUIDs ?? new List<string>()).ToList();
            if (listed.Count == 0)
            {
                return null;
            }

            return listed
                .Select(a => Guid.TryParse(a, out var aaguid) ? aaguid : (Guid?)null)
                .Where(a => a.HasValue)
                .Select(a => a!.Value)
                .Distinct()
                .ToList();
        }

        /// <summary>"password,sms" arrives as one flags value; split it into the mode names.</summary>
        private static List<string> Modes(AuthenticationMethodModes combination) =>
            Enum.GetValues(typeof(AuthenticationMethodModes))
                .Cast<AuthenticationMethodModes>()
                .Where(mode => mode != AuthenticationMethodModes.UnknownFutureValue && combination.HasFlag(mode))
                .Select(mode => WireName.Of(mode))
                .ToList();

        private static IReadOnlyList<string> List(List<string>? values) =>
            (values ?? new List<string>()).Where(v => !string.IsNullOrEmpty(v)).ToList();

        private static IReadOnlyList<string> Wire<T>(List<T?>? values)
            where T : struct, Enum =>
            (values ?? new List<T?>()).Where(v => v.HasValue).Select(v => WireName.Of(v!.Value)).ToList();
    }
}
