using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Whether a registered method can satisfy the MFA that Security info asks for before adding a passkey
    /// (graph-facts §3.2): password, email and QR code cannot; a Temporary Access Pass can while it is usable; a
    /// passkey can while its method policy allows it and the user's passkey profiles still admit it at sign-in.
    /// </summary>
    public static class MfaCapability
    {
        /// <summary>
        /// Several rules of layers 1 and 3 ask about the same user's methods, and judging a passkey evaluates the user's
        /// profiles, so each diagnosis input is assessed once.
        /// </summary>
        private static readonly ConditionalWeakTable<DiagnosisInput, IReadOnlyList<MfaAssessment>> Assessed =
            new ConditionalWeakTable<DiagnosisInput, IReadOnlyList<MfaAssessment>>();

        /// <summary>Every registered method of the user, assessed, in registration order.</summary>
        public static IReadOnlyList<MfaAssessment> AssessAll(DiagnosisInput input) =>
            Assessed.GetValue(input, i => i.User.Methods.Select(m => Assess(m, i)).ToList());

        /// <summary>The methods that count (possibly only under the legacy policies), in registration order.</summary>
        public static IReadOnlyList<RegisteredMethod> Counted(DiagnosisInput input) =>
            AssessAll(input).Where(a => a.Standing != MfaStanding.DoesNotCount).Select(a => a.Method).ToList();

        /// <summary>"passkey (FIDO2) (YubiKey 5): why; ..." for evidence; null when the profiles reject none of the user's passkeys.</summary>
        public static string? PasskeysRejectedByProfiles(DiagnosisInput input)
        {
            var rejected = AssessAll(input).Where(a => a.PasskeyProfileRejection != null).Select(a => $"{a.Method.Describe()}: {a.PasskeyProfileRejection}").ToList();
            return rejected.Count == 0 ? null : string.Join(" | ", rejected);
        }

        private static MfaAssessment Assess(RegisteredMethod method, DiagnosisInput input)
        {
            var tenant = input.Tenant;
            var user = input.User;
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
            if (!Targeting.IsAllowedByAny(governing, tenant, user))
            {
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

            var rejection = PasskeySignIn.Rejection(method, input);
            return rejection == null ? MfaAssessment.Yes(method) : MfaAssessment.RejectedByProfiles(method, rejection);
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
