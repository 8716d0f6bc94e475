using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Whether a registered method can satisfy the MFA that Security info asks for before adding a passkey
    /// (graph-facts §3.2): password, email and QR code cannot; a Temporary Access Pass can while it is usable.
    /// </summary>
    public static class MfaCapability
    {
        /// <summary>Null when the method counts (possibly only under the legacy policies); otherwise why it does not.</summary>
        public static string? WhyNotCounted(RegisteredMethod method, TenantSnapshot tenant, UserEvidence user) =>
            Assess(method, tenant, user).WhyNot;

        /// <summary>The methods that count, in registration order.</summary>
        public static IReadOnlyList<RegisteredMethod> Counted(TenantSnapshot tenant, UserEvidence user) =>
            user.Methods.Where(m => Assess(m, tenant, user).Standing != MfaStanding.DoesNotCount).ToList();

        public static MfaAssessment Assess(RegisteredMethod method, TenantSnapshot tenant, UserEvidence user)
        {
            if (!IsSecondFactorKind(method.Kind))
            {
                return MfaAssessment.No(method, "cannot satisfy MFA");
            }

            if (method.Kind == MethodKind.TemporaryAccessPass && method.TapIsUsable.HasValue)
            {
                // Graph computes usability from validity window, one-time use and the TAP policy for this user.
                return method.TapIsUsable.Value ? MfaAssessment.Yes(method) : MfaAssessment.No(method, $"not usable ({method.TapUsabilityReason ?? "unknown reason"})");
            }

            var governing = GoverningPolicies(method);
            if (governing.Count == 0)
            {
                return MfaAssessment.Yes(method);
            }

            var policies = governing.Select(tenant.MethodPolicy).Where(p => p != null).Select(p => p!).ToList();
            if (policies.Count == 0 || policies.Any(p => Targeting.IsAllowed(p, user)))
            {
                return MfaAssessment.Yes(method);
            }

            // Before migration completes, the legacy MFA and SSPR policies can still allow methods the authentication
            // methods policy does not; only the methods policy governs FIDO2 and TAP.
            var policyNames = string.Join("/", governing);
            var legacyMayAllow = tenant.MigrationState != PolicyMigrationState.MigrationComplete
                && method.Kind != MethodKind.Fido2
                && method.Kind != MethodKind.TemporaryAccessPass;
            return legacyMayAllow
                ? new MfaAssessment(method, MfaStanding.OnlyUnderLegacyPolicies, null, policyNames)
                : MfaAssessment.No(method, $"not allowed for this user by the {policyNames} method policy");
        }

        private static bool IsSecondFactorKind(MethodKind kind)
        {
            switch (kind)
            {
                case MethodKind.Password:
                case MethodKind.Email:
                case MethodKind.QrCodePin:
                case MethodKind.Other:
                    return false;
                default:
                    return true;
            }
        }

        private static IReadOnlyList<string> GoverningPolicies(RegisteredMethod method)
        {
            switch (method.Kind)
            {
                case MethodKind.MicrosoftAuthenticator: return new[] { MethodPolicyIds.MicrosoftAuthenticator };
                case MethodKind.Phone:
                    return string.Equals(method.PhoneType, "mobile", StringComparison.OrdinalIgnoreCase)
                        ? new[] { MethodPolicyIds.Sms, MethodPolicyIds.Voice }
                        : new[] { MethodPolicyIds.Voice };
                case MethodKind.SoftwareOath: return new[] { MethodPolicyIds.SoftwareOath };
                case MethodKind.HardwareOath: return new[] { MethodPolicyIds.HardwareOath };
                case MethodKind.Fido2: return new[] { MethodPolicyIds.Fido2 };
                case MethodKind.TemporaryAccessPass: return new[] { MethodPolicyIds.TemporaryAccessPass };
                case MethodKind.External: return method.ConfigurationId == null ? Array.Empty<string>() : new[] { method.ConfigurationId };
                default: return Array.Empty<string>();
            }
        }
    }
}
