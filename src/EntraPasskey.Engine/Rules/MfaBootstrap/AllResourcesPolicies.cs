using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Evaluates the enabled Conditional Access policies on All resources for one user. They apply when the user signs
    /// in to Security info or Microsoft Authenticator to register (graph-facts §8.2), and three of their demands break
    /// passkey registration: a block (the user cannot sign in to register at all); an authentication strength the user
    /// cannot meet (they need a passkey to sign in before they can register their first one), also when an OR grant
    /// would take a managed device or an approved app instead, because from any other device the strength is the only
    /// way through; and an approved client app or app protection policy, which the Microsoft Authenticator Credential
    /// Registration app cannot satisfy unless the policy excludes it. Scope, grant and conditions are judged as for the
    /// registration policies; a policy only on legacy-authentication clients never sees a registration; report-only and
    /// disabled policies block nobody, and with security defaults on Conditional Access is not in effect.
    /// </summary>
    public static class AllResourcesPolicies
    {
        public const string CredentialRegistrationAppId = "6aa00308-ea33-4caa-90d6-ae905d8cb51b";

        public const string CredentialRegistrationApp = "Microsoft Authenticator Credential Registration (" + CredentialRegistrationAppId + ")";

        private const string Ios = "iOS";
        private const string Android = "android";

        private static readonly string[] AppControls = { "approvedApplication", "compliantApplication" };

        /// <summary>The enabled policies in (or possibly in) scope that demand what registration cannot give, in policy order.</summary>
        public static IReadOnlyList<AllResourcesShortfall> Shortfalls(DiagnosisInput input)
        {
            var tenant = input.Tenant;
            if (!RegistrationPolicies.InEffect(tenant))
            {
                return Array.Empty<AllResourcesShortfall>();
            }

            var modes = AuthenticationModes.Of(input);
            var platform = AuthenticatorPlatform(input.Hints);
            var phone = InAppOnPhone(input.Hints, platform);
            var shortfalls = new List<AllResourcesShortfall>();
            foreach (var policy in Enabled(tenant))
            {
                var scope = PolicyScope.Of(policy.Users, input.User, tenant);
                if (scope.Verdict == ScopeVerdict.Out)
                {
                    continue;
                }

                // Registering in the Authenticator app on the phone signs in to the Credential Registration app, so a
                // policy that excludes it does not cover that attempt. Started from a computer, the user signs in to
                // Security info in a browser first, which the exclusion does not touch; with the device unknown,
                // whether the policy stops an Authenticator attempt depends on where the user registers.
                var excludesApp = ExcludesRegistrationApp(policy);
                if (phone == null || !excludesApp)
                {
                    var signIn = SignInShortfall(policy, scope, modes, phone);
                    if (signIn != null && platform != null && phone == null && excludesApp && input.Hints.Platform == null)
                    {
                        signIn = signIn with { Conditions = signIn.Conditions.Concat(new[] { ExceptInTheApp }).ToList() };
                    }

                    if (signIn != null)
                    {
                        shortfalls.Add(signIn);
                    }
                }

                var app = AppProtection(policy, scope, modes, platform);
                if (app != null)
                {
                    shortfalls.Add(app);
                }
            }

            return shortfalls;
        }

        /// <summary>The enabled policies whose grant can matter to registration: a block, an authentication strength or an app control.</summary>
        public static IEnumerable<AllResourcesPolicy> Relevant(TenantSnapshot tenant) =>
            Enabled(tenant).Where(p => p.Grant.AuthenticationStrength != null || p.Grant.BuiltInControls.Any(c => IsAppControl(c) || Same(c, "block")));

        /// <summary>Added to a policy's conditions when only registering in the Authenticator app escapes it.</summary>
        public const string ExceptInTheApp = "except when registering in the Microsoft Authenticator app on the phone, which it excludes";

        /// <summary>"iOS" or "android" when the attempt (-Aaguid) is a passkey in Microsoft Authenticator; otherwise null.</summary>
        public static string? AuthenticatorPlatform(AttemptHints hints)
        {
            if (hints.Aaguid == WellKnownAaguids.AuthenticatorIos)
            {
                return Ios;
            }

            return hints.Aaguid == WellKnownAaguids.AuthenticatorAndroid ? Android : null;
        }

        /// <summary>The phone's platform when -Platform names the phone the Authenticator attempt belongs to: the user registers in the app there.</summary>
        private static string? InAppOnPhone(AttemptHints hints, string? platform) =>
            platform != null && hints.Platform != null && Same(hints.Platform, platform) ? platform : null;

        private static IEnumerable<AllResourcesPolicy> Enabled(TenantSnapshot tenant) =>
            tenant.ConditionalAccess.AllResourcesPolicies.Where(p => p.State == ConditionalAccessState.Enabled && RegistrationPolicies.CoversRegistration(p.Conditions));

        private static bool ExcludesRegistrationApp(AllResourcesPolicy policy) => policy.ExcludeApplications.Any(a => Same(a, CredentialRegistrationAppId));

        /// <summary>
        /// What the policy's grant refuses the sign-in to register: a block, or a strength the user's methods do not
        /// meet. Under OR, a device or app control the user may satisfy instead (the grant's softest failing control)
        /// does not make the strength go away: from any other device, or in a browser that is not an approved app, the
        /// strength is the only way through, so it is kept with those controls as alternatives. In the Authenticator
        /// app on the phone (<paramref name="phone"/> known) a policy for other platforms does not apply, its platform
        /// conditions no longer narrow anything, and only a compliant phone is such an alternative: a phone is never
        /// hybrid joined and the Credential Registration app is neither approved nor protected.
        /// </summary>
        private static AllResourcesShortfall? SignInShortfall(AllResourcesPolicy policy, PolicyScope scope, PresentedModes modes, string? phone)
        {
            if (phone != null && !AppliesOn(policy.Conditions, phone))
            {
                return null;
            }

            var grant = policy.Grant;
            var (kind, unmet) = RegistrationPolicies.Grant(grant, modes);
            var conditions = RegistrationPolicies.Conditions(phone == null ? policy.Conditions : WithoutPlatforms(policy.Conditions));
            if (kind == ShortfallKind.Block)
            {
                return new AllResourcesShortfall(policy, scope, AllResourcesDemand.Block, unmet, conditions, Array.Empty<string>());
            }

            if (kind == ShortfallKind.Strength)
            {
                return new AllResourcesShortfall(policy, scope, AllResourcesDemand.AuthStrength, unmet, conditions, Array.Empty<string>());
            }

            if (kind != ShortfallKind.Device || grant.RequireAll || grant.AuthenticationStrength is not { } strength)
            {
                return null;
            }

            // An OR grant whose every control fails, with a device or app control among them: the strength is unmet.
            var instead = grant.BuiltInControls.Where(RegistrationPolicies.IsDeviceControl).ToList();
            var usable = phone == null ? instead : instead.Where(c => Same(c, "compliantDevice")).ToList();
            var strengthUnmet = $"authentication strength '{strength.DisplayName}'";
            var dropped = instead.Except(usable, StringComparer.OrdinalIgnoreCase).Select(AlternativeName).ToList();
            if (dropped.Count > 0)
            {
                strengthUnmet += $" (or {MessageText.OrList(dropped)}, which registering in Microsoft Authenticator cannot satisfy)";
            }

            return new AllResourcesShortfall(policy, scope, AllResourcesDemand.AuthStrength, strengthUnmet, conditions, usable.Select(AlternativeName).ToList());
        }

        private static string AlternativeName(string control) =>
            Same(control, "compliantApplication") ? "an app with an app protection policy" : RegistrationPolicies.DeviceControlName(control);

        /// <summary>
        /// Registration in Authenticator signs in to the Credential Registration app, which is neither an approved
        /// client app nor covered by an app protection policy. The policy stops it unless it excludes that app, it
        /// cannot apply on the phone's platform, or (OR grant) another control the sign-in can meet lets it through;
        /// a compliant-device alternative depends on the phone, so it only makes the finding uncertain.
        /// </summary>
        private static AllResourcesShortfall? AppProtection(AllResourcesPolicy policy, PolicyScope scope, PresentedModes modes, string? platform)
        {
            var grant = policy.Grant;
            var required = grant.BuiltInControls.Where(IsAppControl).ToList();
            if (required.Count == 0 || ExcludesRegistrationApp(policy))
            {
                return null;
            }

            var conditions = policy.Conditions;
            if (!AppliesOn(conditions, Ios) && !AppliesOn(conditions, Android))
            {
                return null;
            }

            if (platform != null && !AppliesOn(conditions, platform))
            {
                return null;
            }

            var alternatives = Array.Empty<string>();
            if (!grant.RequireAll)
            {
                var others = grant.BuiltInControls.Where(c => !IsAppControl(c)).ToList();
                var strengthMet = grant.AuthenticationStrength is { } strength && AuthenticationModes.FirstMet(strength, modes) != null;
                if (strengthMet || others.Any(c => Same(c, "mfa")))
                {
                    return null;
                }

                // A phone can be enrolled and compliant; it cannot be hybrid joined.
                if (others.Any(c => Same(c, "compliantDevice")))
                {
                    alternatives = new[] { RegistrationPolicies.DeviceControlName("compliantDevice") };
                }
            }

            // The attempt names the phone's platform, so a platform condition no longer narrows anything.
            var narrowing = RegistrationPolicies.Conditions(platform == null ? conditions : WithoutPlatforms(conditions));
            var unmet = string.Join(grant.RequireAll ? " and " : " or ", required.Select(RegistrationPolicies.DeviceControlName));
            return new AllResourcesShortfall(policy, scope, AllResourcesDemand.AppProtection, unmet, narrowing, alternatives);
        }

        private static AccessPolicyConditions WithoutPlatforms(AccessPolicyConditions conditions) =>
            conditions with { IncludePlatforms = Array.Empty<string>(), ExcludePlatforms = Array.Empty<string>() };

        private static bool AppliesOn(AccessPolicyConditions conditions, string platform)
        {
            var included = conditions.IncludePlatforms.Count == 0
                || conditions.IncludePlatforms.Any(p => Same(p, "all") || Same(p, platform));
            return included && !conditions.ExcludePlatforms.Any(p => Same(p, platform));
        }

        private static bool IsAppControl(string control) => AppControls.Contains(control, StringComparer.OrdinalIgnoreCase);

        private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>What an All-resources policy demands that passkey registration cannot give.</summary>
    public enum AllResourcesDemand
    {
        /// <summary>Block access: no sign-in at all, so none to register with.</summary>
        Block,

        /// <summary>An authentication strength none of the user's usable methods meets.</summary>
        AuthStrength,

        /// <summary>An approved client app or app protection policy, which the Authenticator registration app cannot show.</summary>
        AppProtection,
    }

    /// <summary>One All-resources policy that stands in the user's way, with how sure we are that it applies.</summary>
    /// <param name="Unmet">The failing controls in words ("authentication strength 'X'", "an approved client app").</param>
    /// <param name="Conditions">When it applies, in words; empty when always.</param>
    /// <param name="Alternatives">What an OR grant also accepts and the device or app signing in may offer ("a compliant device"); empty when nothing.</param>
    public sealed record AllResourcesShortfall(
        AllResourcesPolicy Policy, PolicyScope Scope, AllResourcesDemand Demand, string Unmet, IReadOnlyList<string> Conditions, IReadOnlyList<string> Alternatives)
    {
        public bool IsConditional => Conditions.Count > 0;

        /// <summary>Whether it stops the user depends on the device or app they sign in with.</summary>
        public bool DeviceMaySatisfy => Alternatives.Count > 0;

        /// <summary>Applies to the user for sure, wherever they are, and no device can satisfy it instead.</summary>
        public bool IsCertain => Scope.Verdict == ScopeVerdict.In && !IsConditional && !DeviceMaySatisfy;

        /// <summary>"unless the sign-in comes from a compliant device", or null.</summary>
        public string? Unless => DeviceMaySatisfy ? "unless the sign-in comes from " + MessageText.OrList(Alternatives) : null;

        /// <summary>Conditions and alternatives together, in words: when the policy stops the user.</summary>
        public string When => string.Join("; ", Conditions.Concat(Unless == null ? Array.Empty<string>() : new[] { Unless }));

        public IDictionary<string, string> Facts(params (string Key, string? Value)[] more) =>
            Rules.Facts.Of(new[]
            {
                ("policy", (string?)Policy.DisplayName),
                ("policyId", Policy.Id),
                ("resources", "All resources"),
                ("scope", Scope.How),
                ("unmet", Unmet),
                ("conditions", IsConditional ? string.Join("; ", Conditions) : null),
                ("satisfiedInsteadBy", DeviceMaySatisfy ? MessageText.OrList(Alternatives) : null),
            }.Concat(more).ToArray());
    }
}
