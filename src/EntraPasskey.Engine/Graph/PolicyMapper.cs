using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>Maps Graph's authenticationMethodsPolicy onto the engine's own evidence types.</summary>
    internal static class PolicyMapper
    {
        public static (PolicyMigrationState State, Fido2Policy Fido2, IReadOnlyList<MethodPolicy> Methods) Map(AuthenticationMethodsPolicy policy)
        {
            var methods = (policy.AuthenticationMethodConfigurations ?? new List<AuthenticationMethodConfiguration>())
                .Where(c => !string.IsNullOrEmpty(c.Id))
                .Select(MapConfiguration)
                .ToList();
            var fido2 = methods.OfType<Fido2Policy>().FirstOrDefault()
                ?? new Fido2Policy(false, Array.Empty<PolicyTarget>(), Array.Empty<PolicyTarget>(), IsSelfServiceRegistrationAllowed: false);
            if (!methods.Contains(fido2))
            {
                methods.Add(fido2);
            }

            return (MapState(policy.PolicyMigrationState), fido2, methods);
        }

        /// <summary>
        /// Only an explicit preMigration or migrationInProgress says the legacy MFA and SSPR settings are still honoured.
        /// Live tenants send null (and some ""), which the SDK cannot tell from a value it does not know; since
        /// 30 September 2025 authentication methods can no longer be managed in the legacy policies (entra-docs
        /// concept-authentication-methods-manage.md), so anything else means the authentication methods policy decides.
        /// </summary>
        private static PolicyMigrationState MapState(AuthenticationMethodsPolicyMigrationState? state)
        {
            switch (state)
            {
                case AuthenticationMethodsPolicyMigrationState.PreMigration: return PolicyMigrationState.PreMigration;
                case AuthenticationMethodsPolicyMigrationState.MigrationInProgress: return PolicyMigrationState.MigrationInProgress;
                default: return PolicyMigrationState.MigrationComplete;
            }
        }

        private static MethodPolicy MapConfiguration(AuthenticationMethodConfiguration configuration)
        {
            var enabled = configuration.State == AuthenticationMethodState.Enabled;
            var exclude = (configuration.ExcludeTargets ?? new List<ExcludeTarget>())
                .Where(t => !string.IsNullOrEmpty(t.Id))
                .Select(t => Target(t.Id!, t.TargetType, Array.Empty<string>()))
                .ToList();

            if (configuration is Fido2AuthenticationMethodConfiguration fido2)
            {
                var include = (fido2.IncludeTargets ?? new List<PasskeyAuthenticationMethodTarget>())
                    .Where(t => !string.IsNullOrEmpty(t.Id))
                    .Select(t => Target(t.Id!, t.TargetType, (t.AllowedPasskeyProfiles ?? new List<Guid?>()).Where(g => g.HasValue).Select(g => g!.Value.ToString()).ToArray()))
                    .ToList();
                return new Fido2Policy(enabled, include, exclude, fido2.IsSelfServiceRegistrationAllowed ?? true)
                {
                    PasskeyProfiles = (fido2.PasskeyProfiles ?? new List<Microsoft.Graph.Models.PasskeyProfile>())
                        .Where(p => !string.IsNullOrEmpty(p.Id))
                        .Select(MapProfile)
                        .ToList(),
                    DefaultPasskeyProfileId = string.IsNullOrEmpty(fido2.DefaultPasskeyProfile) ? null : fido2.DefaultPasskeyProfile,
                    IsAttestationEnforced = fido2.IsAttestationEnforced ?? false,
                    LegacyKeyRestrictions = MapKeyRestrictions(fido2.KeyRestrictions),
                };
            }

            if (configuration is TemporaryAccessPassAuthenticationMethodConfiguration tap)
            {
                // Graph's documented defaults apply when a property is absent (graph-facts §2.1).
                return new TapPolicy(
                    enabled, IncludeTargets(configuration), exclude,
                    tap.DefaultLifetimeInMinutes ?? 60, tap.MinimumLifetimeInMinutes ?? 60, tap.MaximumLifetimeInMinutes ?? 480,
                    tap.IsUsableOnce ?? false, tap.DefaultLength ?? 8);
            }

            return new MethodPolicy(NormaliseId(configuration.Id!), enabled, IncludeTargets(configuration), exclude);
        }

        private static Evidence.PasskeyProfile MapProfile(Microsoft.Graph.Models.PasskeyProfile profile) =>
            new Evidence.PasskeyProfile(
                profile.Id!,
                string.IsNullOrEmpty(profile.Name) ? profile.Id! : profile.Name!,
                MapPasskeyTypes(profile.PasskeyTypes),
                MapAttestation(profile.AttestationEnforcement),
                MapKeyRestrictions(profile.KeyRestrictions));

        /// <summary>A missing or unknownFutureValue flag is kept as Unrecognised, so the rules can say they cannot decide.</summary>
        private static Evidence.PasskeyTypes MapPasskeyTypes(Microsoft.Graph.Models.PasskeyTypes? types)
        {
            if (!types.HasValue)
            {
                return Evidence.PasskeyTypes.Unrecognised;
            }

            var mapped = Evidence.PasskeyTypes.None;
            if (types.Value.HasFlag(Microsoft.Graph.Models.PasskeyTypes.DeviceBound))
            {
                mapped |= Evidence.PasskeyTypes.DeviceBound;
            }

            if (types.Value.HasFlag(Microsoft.Graph.Models.PasskeyTypes.Synced))
            {
                mapped |= Evidence.PasskeyTypes.Synced;
            }

            if (types.Value.HasFlag(Microsoft.Graph.Models.PasskeyTypes.UnknownFutureValue))
            {
                mapped |= Evidence.PasskeyTypes.Unrecognised;
            }

            return mapped;
        }

        private static Evidence.AttestationEnforcement MapAttestation(Microsoft.Graph.Models.AttestationEnforcement? enforcement)
        {
            switch (enforcement)
            {
                case Microsoft.Graph.Models.AttestationEnforcement.Disabled: return Evidence.AttestationEnforcement.Disabled;
                case Microsoft.Graph.Models.AttestationEnforcement.RegistrationOnly: return Evidence.AttestationEnforcement.RegistrationOnly;
                default: return Evidence.AttestationEnforcement.Unrecognised;
            }
        }

        private static KeyRestrictions MapKeyRestrictions(Fido2KeyRestrictions? restrictions)
        {
            if (restrictions == null || restrictions.IsEnforced != true)
            {
                return KeyRestrictions.None;
            }

            KeyRestrictionMode mode;
            switch (restrictions.EnforcementType)
            {
                case Fido2RestrictionEnforcementType.Allow: mode = KeyRestrictionMode.Allow; break;
                case Fido2RestrictionEnforcementType.Block: mode = KeyRestrictionMode.Block; break;
                default: mode = KeyRestrictionMode.Unrecognised; break;
            }

            // An entry that is not a GUID can match no authenticator, so it neither allows nor blocks anything.
            var aaguids = (restrictions.AaGuids ?? new List<string>())
                .Select(a => Guid.TryParse(a, out var guid) ? guid : (Guid?)null)
                .Where(g => g.HasValue)
                .Select(g => g!.Value)
                .Distinct()
                .ToList();
            return new KeyRestrictions(true, mode, aaguids);
        }

        /// <summary>
        /// Every configuration type declares its own typed IncludeTargets property; types the SDK does not know
        /// (hardwareOath) keep them in AdditionalData.
        /// </summary>
        private static IReadOnlyList<PolicyTarget> IncludeTargets(AuthenticationMethodConfiguration configuration)
        {
            var property = configuration.GetType().GetProperty("IncludeTargets");
            if (property?.GetValue(configuration) is IEnumerable typed)
            {
                return typed.OfType<AuthenticationMethodTarget>()
                    .Where(t => !string.IsNullOrEmpty(t.Id))
                    .Select(t => Target(t.Id!, t.TargetType, Array.Empty<string>()))
                    .ToList();
            }

            if (configuration.AdditionalData.TryGetValue("includeTargets", out var raw) && raw is UntypedArray array)
            {
                return array.GetValue()
                    .OfType<UntypedObject>()
                    .Select(o => o.GetValue())
                    .Select(fields => (Id: (fields.TryGetValue("id", out var id) ? id as UntypedString : null)?.GetValue(),
                                       Type: (fields.TryGetValue("targetType", out var type) ? type as UntypedString : null)?.GetValue()))
                    .Where(t => !string.IsNullOrEmpty(t.Id))
                    .Select(t => Target(t.Id!, string.Equals(t.Type, "user", StringComparison.OrdinalIgnoreCase) ? AuthenticationMethodTargetType.User : AuthenticationMethodTargetType.Group, Array.Empty<string>()))
                    .ToList();
            }

            return Array.Empty<PolicyTarget>();
        }

        private static PolicyTarget Target(string id, AuthenticationMethodTargetType? type, string[] profiles) =>
            type == AuthenticationMethodTargetType.User
                ? PolicyTarget.User(id)
                : PolicyTarget.Group(id, profiles);

        /// <summary>Graph's ids differ in case between pages and calls (fido2, Fido2, FIDO2); use the canonical spelling.</summary>
        private static string NormaliseId(string id)
        {
            foreach (var known in new[]
            {
                MethodPolicyIds.Fido2, MethodPolicyIds.MicrosoftAuthenticator, MethodPolicyIds.Sms, MethodPolicyIds.Voice,
                MethodPolicyIds.SoftwareOath, MethodPolicyIds.HardwareOath, MethodPolicyIds.TemporaryAccessPass,
                MethodPolicyIds.Email, MethodPolicyIds.X509Certificate,
            })
            {
                if (string.Equals(known, id, StringComparison.OrdinalIgnoreCase))
                {
                    return known;
                }
            }

            return id;
        }
    }
}
