using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Migration
{
    /// <summary>
    /// The authentication methods policy still reports preMigration or migrationInProgress. Microsoft retired the
    /// legacy MFA and SSPR method settings on 30 September 2025, so the authentication methods policy alone decides
    /// which methods users may use; a tenant still marked mid-migration may be relying on legacy settings that no
    /// longer apply. Real tenants send null (or nothing) once there is nothing to migrate, which PolicyMapper reads as complete.
    /// </summary>
    public sealed class LegacyMigrationIncompleteCheck : IDesignCheck
    {
        public string Id => "LegacyMigrationIncomplete";

        public string Title => "The authentication methods policy alone governs methods";

        public DesignSeverity Severity => DesignSeverity.Low;

        public Uri Documentation => DesignDocs.MethodsMigration;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var state = input.Tenant.MigrationState;
            if (state != PolicyMigrationState.PreMigration && state != PolicyMigrationState.MigrationInProgress)
            {
                return null;
            }

            var name = state == PolicyMigrationState.PreMigration ? "preMigration" : "migrationInProgress";
            return DesignOutcome.Fail(
                $"The authentication methods policy reports {name}. The legacy MFA and SSPR method settings were retired on 30 September 2025, so any method users still rely on through them must be enabled in the authentication methods policy.",
                "Compare the legacy MFA service settings and SSPR methods with the authentication methods policy, enable what users need there, then set the migration to Migration complete.",
                Facts.Of(("policyMigrationState", name)));
        }
    }
}
