using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules.MfaBootstrap;

namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>
    /// Only for a tenant that still reports preMigration or migrationInProgress (null, "" and migrationComplete mean the
    /// authentication methods policy alone decides, see PolicyMapper): the user's only MFA-capable methods are ones that
    /// policy does not allow. Such a state says the legacy MFA and SSPR settings are still honoured (entra-docs
    /// concept-authentication-methods-manage.md), though since 30 September 2025 they can no longer be managed there,
    /// and Graph does not show them. So layer 3 counts the methods and this warns that they stand on settings nobody can
    /// change any more, instead of staying silent.
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
                $"The tenant still reports policyMigrationState {stateName}, and {input.User.Name}'s only MFA methods, {methods}, are not allowed by the authentication methods policy. They work only while the legacy MFA/SSPR settings allow them, which Graph cannot show and which can no longer be managed since 30 September 2025; completing the migration would leave the user without MFA.",
                $"Enable {policies} for the user in the authentication methods policy, then complete the migration (Manage migration: Migration Complete)"
                    + (tapObstacle == null ? "; or issue a Temporary Access Pass with New-PasskeyBootstrapTap." : $" (a Temporary Access Pass would not work: {tapObstacle.Why})."),
                Facts.Of(("policyMigrationState", stateName), ("legacyOnlyMethods", methods), ("disallowedBy", policies), ("tapWouldHelp", TapBootstrap.WouldHelp(tapObstacle?.Why))));
        }

        /// <summary>The state as Graph spells it; only the two earlier states get this far.</summary>
        private static string StateName(PolicyMigrationState state) =>
            state == PolicyMigrationState.PreMigration ? "preMigration" : "migrationInProgress";
    }
}
