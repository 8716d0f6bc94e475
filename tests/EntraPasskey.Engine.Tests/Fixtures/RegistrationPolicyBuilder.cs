using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>
    /// Builds Conditional Access policies for rule tests, on "Register security information" (<see cref="Build"/>) or
    /// on All resources (<see cref="BuildAllResources"/>): by default enabled, for all users, everywhere, with no grant
    /// control.
    /// </summary>
    internal sealed class RegistrationPolicyBuilder
    {
        public static readonly AuthenticationStrength PhishingResistant = new AuthenticationStrength(
            "00000000-0000-0000-0000-000000000004", "Phishing-resistant MFA",
            new IReadOnlyCollection<string>[] { new[] { "windowsHelloForBusiness" }, new[] { "fido2" }, new[] { "x509CertificateMultiFactor" } });

        public static readonly AuthenticationStrength TapOrPasskey = new AuthenticationStrength(
            "5a3b2c1d-0000-0000-0000-00000000000a", "Passkey onboarding (TAP or passkey)",
            new IReadOnlyCollection<string>[] { new[] { "temporaryAccessPassOneTime" }, new[] { "fido2" } });

        /// <summary>No condition narrows the policy.</summary>
        public static readonly AccessPolicyConditions NoConditions = new AccessPolicyConditions(
            Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(),
            Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), false);

        private static readonly AccessPolicyUsers Everyone = new AccessPolicyUsers(
            new[] { AccessPolicyUsers.All }, Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(),
            Array.Empty<string>(), Array.Empty<string>(), false, false);

        private readonly string _name;
        private ConditionalAccessState _state = ConditionalAccessState.Enabled;
        private AccessPolicyUsers _users = Everyone;
        private AccessPolicyConditions _conditions = NoConditions;
        private bool _requireAll;
        private List<string> _controls = new List<string>();
        private AuthenticationStrength? _strength;
        private List<string> _excludeApplications = new List<string>();

        public RegistrationPolicyBuilder(string name = "Register security info")
        {
            _name = name;
        }

        public RegistrationPolicyBuilder State(ConditionalAccessState state)
        {
            _state = state;
            return this;
        }

        public RegistrationPolicyBuilder Users(
            IEnumerable<string>? includeUsers = null, IEnumerable<string>? excludeUsers = null,
            IEnumerable<string>? includeGroups = null, IEnumerable<string>? excludeGroups = null,
            IEnumerable<string>? includeRoles = null, IEnumerable<string>? excludeRoles = null,
            bool includesGuests = false, bool excludesGuests = false)
        {
            _users = new AccessPolicyUsers(
                (includeUsers ?? Array.Empty<string>()).ToList(), (excludeUsers ?? Array.Empty<string>()).ToList(),
                (includeGroups ?? Array.Empty<string>()).ToList(), (excludeGroups ?? Array.Empty<string>()).ToList(),
                (includeRoles ?? Array.Empty<string>()).ToList(), (excludeRoles ?? Array.Empty<string>()).ToList(),
                includesGuests, excludesGuests);
            return this;
        }

        public RegistrationPolicyBuilder Conditions(AccessPolicyConditions conditions)
        {
            _conditions = conditions;
            return this;
        }

        public RegistrationPolicyBuilder OnlyOn(params string[] platforms) =>
            Conditions(_conditions with { IncludePlatforms = platforms });

        /// <summary>Resources an All-resources policy leaves out (excludeApplications).</summary>
        public RegistrationPolicyBuilder ExcludeApplications(params string[] appIds)
        {
            _excludeApplications = appIds.ToList();
            return this;
        }

        /// <summary>The clientAppTypes condition, as Graph spells the values (all, browser, mobileAppsAndDesktopClients, exchangeActiveSync, other).</summary>
        public RegistrationPolicyBuilder ClientApps(params string[] clientAppTypes) =>
            Conditions(_conditions with { ClientAppTypes = clientAppTypes });

        public RegistrationPolicyBuilder OutsideTrustedLocations() =>
            Conditions(NoConditions with { IncludeLocations = new[] { "All" }, ExcludeLocations = new[] { "AllTrusted" } });

        public RegistrationPolicyBuilder Grant(params string[] controls)
        {
            _controls = controls.ToList();
            return this;
        }

        public RegistrationPolicyBuilder RequireAll()
        {
            _requireAll = true;
            return this;
        }

        public RegistrationPolicyBuilder Strength(AuthenticationStrength strength)
        {
            _strength = strength;
            return this;
        }

        public RegistrationPolicy Build() =>
            new RegistrationPolicy(Id, _name, _state, _users, _conditions, new AccessPolicyGrant(_requireAll, _controls, _strength));

        public AllResourcesPolicy BuildAllResources() =>
            new AllResourcesPolicy(Id, _name, _state, _users, _conditions, new AccessPolicyGrant(_requireAll, _controls, _strength), _excludeApplications);

        private string Id => "policy-" + _name.GetHashCode().ToString("x8");
    }
}
