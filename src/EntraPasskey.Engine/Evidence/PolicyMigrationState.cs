namespace EntraPasskey.Engine.Evidence
{
    /// <summary>How far the tenant moved from the legacy MFA/SSPR policies to the authentication methods policy.</summary>
    public enum PolicyMigrationState
    {
        Unknown,
        PreMigration,
        MigrationInProgress,
        MigrationComplete,
    }
}
