using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Design
{
    /// <summary>One Test-PasskeyPolicyDesign run: what the tenant looks like, and one finding per check.</summary>
    public sealed class PolicyDesignReport
    {
        public PolicyDesignReport(DesignTenantSummary tenant, IReadOnlyList<PolicyDesignFinding> findings)
        {
            Tenant = tenant;
            Findings = findings;
        }

        public DesignTenantSummary Tenant { get; }

        /// <summary>Departures and unknowns first, most severe first; then the checks the tenant meets.</summary>
        public IReadOnlyList<PolicyDesignFinding> Findings { get; }
    }

    /// <summary>The tenant at a glance, for the report's header.</summary>
    public sealed record DesignTenantSummary(
        string? TenantId,
        DateTimeOffset CheckedAt,
        int? Users,
        string Passkeys,
        int PasskeyProfiles,
        string Campaign,
        string SecurityDefaults,
        string MigrationState,
        int? UsersInRegistrationReport,
        MethodsPolicySize? PolicySize);
}
