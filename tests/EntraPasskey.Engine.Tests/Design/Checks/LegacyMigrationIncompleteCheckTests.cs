using EntraPasskey.Engine.Design.Checks.Migration;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;

namespace EntraPasskey.Engine.Tests.Design.Checks
{
    public sealed class LegacyMigrationIncompleteCheckTests
    {
        private readonly LegacyMigrationIncompleteCheck _check = new LegacyMigrationIncompleteCheck();

        [Theory]
        [InlineData(PolicyMigrationState.PreMigration, "preMigration")]
        [InlineData(PolicyMigrationState.MigrationInProgress, "migrationInProgress")]
        public void MidMigration_Fails(PolicyMigrationState state, string name)
        {
            Assert.Equal(name, _check.Evaluate(DesignInputs.For(new TenantBuilder().MigrationState(state).Build()))!.Evidence["policyMigrationState"]);
        }

        [Fact]
        public void Complete_Passes_AsNullAndEmptyDo()
        {
            Assert.Null(_check.Evaluate(DesignInputs.For(new TenantBuilder().MigrationState(PolicyMigrationState.MigrationComplete).Build())));
        }
    }
}
