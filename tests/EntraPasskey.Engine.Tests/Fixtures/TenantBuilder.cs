using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>
    /// Builds tenant snapshots for rule tests: by default, passkeys enabled for one group, security defaults off and
    /// no Conditional Access policy (on registration or All resources); nothing odd.
    /// </summary>
    internal sealed class TenantBuilder
    {
        public const string PasskeyUsers = "11111111-0000-0000-0000-000000000001";
        public const string PasskeyExclusions = "11111111-0000-0000-0000-000000000002";
        public const string Engineering = "11111111-0000-0000-0000-000000000003";
        public const string TapOnboarding = "11111111-0000-0000-0000-000000000004";

        private bool _fido2Enabled = true;
        private bool _selfService = true;
        private PolicyMigrationState _state = PolicyMigrationState.MigrationComplete;
        private List<PolicyTarget> _fido2Include = new List<PolicyTarget> { PolicyTarget.Group(PasskeyUsers) };
        private List<PolicyTarget> _fido2Exclude = new List<PolicyTarget> { PolicyTarget.Group(PasskeyExclusions) };
        private SecurityDefaults _securityDefaults = Evidence.SecurityDefaults.Off;
        private ConditionalAccessEvidence _conditionalAccess = ConditionalAccessEvidence.Read(Array.Empty<RegistrationPolicy>(), Array.Empty<AllResourcesPolicy>());
        private RegistrationPolicy[] _registrationPolicies = Array.Empty<RegistrationPolicy>();
        private AllResourcesPolicy[] _allResourcesPolicies = Array.Empty<AllResourcesPolicy>();
        private List<PasskeyProfile> _profiles = new List<PasskeyProfile>();
        private string? _defaultProfile;
        private bool _legacyAttestation;
        private KeyRestrictions _legacyRestrictions = KeyRestrictions.None;
        private readonly Dictionary<string, MethodPolicy> _methods = new Dictionary<string, MethodPolicy>(StringComparer.OrdinalIgnoreCase)
        {
            [MethodPolicyIds.MicrosoftAuthenticator] = Enabled(MethodPolicyIds.MicrosoftAuthenticator),
            [MethodPolicyIds.Sms] = Enabled(MethodPolicyIds.Sms),
            [MethodPolicyIds.Voice] = MethodPolicy.Disabled(MethodPolicyIds.Voice),
            [MethodPolicyIds.SoftwareOath] = Enabled(MethodPolicyIds.SoftwareOath),
            [MethodPolicyIds.Email] = Enabled(MethodPolicyIds.Email),
            [MethodPolicyIds.TemporaryAccessPass] = new TapPolicy(true, new[] { PolicyTarget.Group(TapOnboarding) }, Array.Empty<PolicyTarget>(), 60, 60, 480, true, 8),
        };

        private readonly List<GroupInfo> _groups = new List<GroupInfo>
        {
            new GroupInfo(PasskeyUsers, "Passkey Users", true),
            new GroupInfo(PasskeyExclusions, "Passkey Exclusions", true),
            new GroupInfo(Engineering, "Engineering", true),
            new GroupInfo(TapOnboarding, "TAP Onboarding", true),
        };

        public static MethodPolicy Enabled(string id) =>
            new MethodPolicy(id, true, new[] { PolicyTarget.AllUsers() }, Array.Empty<PolicyTarget>());

        public TenantBuilder Fido2Disabled()
        {
            _fido2Enabled = false;
            return this;
        }

        public TenantBuilder SelfServiceOff()
        {
            _selfService = false;
            return this;
        }

        public TenantBuilder MigrationState(PolicyMigrationState state)
        {
            _state = state;
            return this;
        }

        public TenantBuilder Fido2Targets(IEnumerable<PolicyTarget> include, IEnumerable<PolicyTarget> exclude)
        {
            _fido2Include = include.ToList();
            _fido2Exclude = exclude.ToList();
            return this;
        }

        /// <summary>Opts the tenant into passkey profiles: these profiles, the first (or the given one) as default.</summary>
        public TenantBuilder Profiles(params PasskeyProfile[] profiles)
        {
            _profiles = profiles.ToList();
            _defaultProfile = profiles.Length == 0 ? null : profiles[0].Id;
            return this;
        }

        public TenantBuilder DefaultProfile(string? id)
        {
            _defaultProfile = id;
            return this;
        }

        /// <summary>The deprecated tenant-wide fields (they govern only while the tenant has not opted in).</summary>
        public TenantBuilder Legacy(bool isAttestationEnforced, KeyRestrictions restrictions)
        {
            _legacyAttestation = isAttestationEnforced;
            _legacyRestrictions = restrictions;
            return this;
        }

        public TenantBuilder Method(MethodPolicy policy)
        {
            _methods[policy.Id] = policy;
            return this;
        }

        public TenantBuilder WithGroup(GroupInfo group)
        {
            _groups.RemoveAll(g => g.Id == group.Id);
            _groups.Add(group);
            return this;
        }

        public TenantBuilder SecurityDefaults(SecurityDefaults defaults)
        {
            _securityDefaults = defaults;
            return this;
        }

        public TenantBuilder ConditionalAccess(ConditionalAccessEvidence conditionalAccess)
        {
            _conditionalAccess = conditionalAccess;
            return this;
        }

        public TenantBuilder RegistrationPolicies(params RegistrationPolicy[] policies)
        {
            _registrationPolicies = policies;
            return ConditionalAccess(ConditionalAccessEvidence.Read(_registrationPolicies, _allResourcesPolicies));
        }

        public TenantBuilder AllResourcesPolicies(params AllResourcesPolicy[] policies)
        {
            _allResourcesPolicies = policies;
            return ConditionalAccess(ConditionalAccessEvidence.Read(_registrationPolicies, _allResourcesPolicies));
        }

        public TenantSnapshot Build()
        {
            var fido2 = new Fido2Policy(_fido2Enabled, _fido2Include, _fido2Exclude, _selfService)
            {
                PasskeyProfiles = _profiles,
                DefaultPasskeyProfileId = _defaultProfile,
                IsAttestationEnforced = _legacyAttestation,
                LegacyKeyRestrictions = _legacyRestrictions,
            };
            return new TenantSnapshot(_state, fido2, _methods.Values.Append(fido2), _groups)
            {
                SecurityDefaults = _securityDefaults,
                ConditionalAccess = _conditionalAccess,
            };
        }
    }
}
