using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Design;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>
    /// Design-check inputs over TenantBuilder's tenants: 100 users, Passkey Users 80, Passkey Exclusions 3,
    /// Engineering 20, TAP Onboarding 80, unless a test says otherwise.
    /// </summary>
    internal static class DesignInputs
    {
        public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        public static AudienceSizes Sizes(int tenantUsers = 100, params (string Group, int Users)[] groups)
        {
            var sizes = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
            {
                [TenantBuilder.PasskeyUsers] = 80,
                [TenantBuilder.PasskeyExclusions] = 3,
                [TenantBuilder.Engineering] = 20,
                [TenantBuilder.TapOnboarding] = 80,
            };
            foreach (var (group, users) in groups)
            {
                sizes[group] = users;
            }

            return new AudienceSizes(tenantUsers, sizes);
        }

        public static DesignInput For(TenantSnapshot tenant, AudienceSizes? sizes = null) =>
            new DesignInput(tenant, Now) { Sizes = sizes ?? Sizes() };

        public static RegisteredUser Registered(string upn, params string[] methods) =>
            new RegisteredUser(Guid.NewGuid().ToString(), upn, "member", methods.ToList());
    }
}
