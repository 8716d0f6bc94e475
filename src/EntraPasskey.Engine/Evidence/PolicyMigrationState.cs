namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// How far the tenant moved from the legacy MFA/SSPR policies to the authentication methods policy. Graph's null,
    /// "" and values the SDK does not know all mean MigrationComplete (see PolicyMapper).
    /// </summary>
    public enum PolicyMigrationState
    {
        /// <summary>First, so a default value means what Graph's null means.</summary>
        MigrationComplete,
        PreMigration,
        MigrationInProgress,
    }
}
