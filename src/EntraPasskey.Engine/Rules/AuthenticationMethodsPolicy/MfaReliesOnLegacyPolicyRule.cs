using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>
    /// Where the legacy policy migration state changes the answer: the tenant has not finished migrating to the
    /// authentication methods policy, and the user's only MFA-capable methods are ones that policy does not allow.
    /// Until migration completes the legacy MFA and SSPR policies are still honoured and may allow them, but Graph
    /// does not show those policies, so layer 3 counts the methods and this says so instead of staying silent.
    /// </summary>
    public sealed class MfaReliesOnLegacyPolicyRule : ILayerRule
    {
        public const string Code = "MfaReliesOnLegacyPolicy";

        public PasskeyLayer Layer => PasskeyLayer.AuthenticationMethodsPolicy;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var state = input.Tenant.MigrationState;
            if (state == PolicyMigrationState.MigrationComplete)
            {
                return null;
            }

            var stateName = StateName(state);
            var assessed = MfaCapability.AssessAll(input);
            var legacyOnly = assessed.Where(a => a.Standing == MfaStanding.OnlyUnderLegacyPolicies).ToList();
            if (legacyOnly.Count == 0 || assessed.Any(a => a.Standing == MfaStanding.Counts))
            {
                return RuleOutcome.Pass(Facts.Of(("policyMigrationState", stateName)));
            }

            var methods = string.Join(", ", legacyOnly.Select(a => a.Method.Describe()));
            var policies = string.Join(", ", legacyOnly.Select(a => a.DisallowingPolicies).Distinct());
            var tapObstacle = TapBootstrap.Obstacle(input.Tenant, input.User);
            return RuleOutcome.Warn(
                Code,
                $"The tenant has not finished migrating to the authentication methods policy ({stateName}), and {input.User.Name}'s only MFA methods ({methods}) are not allowed by it. They work only while the legacy MFA/SSPR settings allow them, which Graph cannot show; completing the migration would leave the user without MFA.",
                $"Check the legacy MFA service settings and SSPR methods, and enable {policies} for the user in the authentication methods policy before completing the migration"
                    + (tapObstacle == null ? "; or issue a Temporary Access Pass with New-PasskeyBootstrapTap." : $" (a Temporary Access Pass would not work: {tapObstacle.Why})."),
                Facts.Of(("policyMigrationState", stateName), ("legacyOnlyMethods", methods), ("disallowedBy", policies), ("tapWouldHelp", TapBootstrap.WouldHelp(tapObstacle?.Why))));
        }

        private static string StateName(PolicyMigrationState state)
        {
            switch (state)
            {
                case PolicyMigrationState.PreMigration: return "preMigration";
                case PolicyMigrationState.MigrationInProgress: return "migrationInProgress";
                default: return "unknown";
            }
        }
    }
}
