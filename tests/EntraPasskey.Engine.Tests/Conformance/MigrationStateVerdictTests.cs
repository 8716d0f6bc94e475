using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Graph;
using EntraPasskey.Engine.Tests.Fixtures;
using Xunit;
using GraphModels = Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Tests.Conformance
{
    /// <summary>
    /// A live tenant sends policyMigrationState null. Its SMS and Voice methods are disabled (the documented policy), so a
    /// user whose only MFA method is a mobile phone cannot satisfy the MFA registration needs: the methods policy alone
    /// decides since 30 September 2025. Only a tenant that still says preMigration or migrationInProgress gets the
    /// warning that the legacy settings may still allow the phone.
    /// </summary>
    public sealed class MigrationStateVerdictTests
    {
        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("migrationComplete")]
        public async Task OnlyAPhoneTheMethodsPolicyDisallows_IsBlocked(string? state)
        {
            var diagnosis = await DiagnosePhoneOnlyUserAsync(state);

            Assert.Equal((Verdict.Blocked, 3, "NoMfaCapableMethod"), (diagnosis.Verdict, diagnosis.BlockingLayer!.Value, diagnosis.ReasonCode));
        }

        [Theory]
        [InlineData("preMigration")]
        [InlineData("migrationInProgress")]
        public async Task OnlyAPhoneTheMethodsPolicyDisallows_BeforeMigration_Warns(string state)
        {
            var diagnosis = await DiagnosePhoneOnlyUserAsync(state);

            Assert.Equal((Verdict.AtRisk, "MfaReliesOnLegacyPolicy"), (diagnosis.Verdict, diagnosis.ReasonCode));
            Assert.Equal(state, diagnosis.Findings[PasskeyLayer.AuthenticationMethodsPolicy].Evidence!["policyMigrationState"]);
        }

        private static async Task<PasskeyDiagnosis> DiagnosePhoneOnlyUserAsync(string? state)
        {
            var policy = await Corpus.ParseAsync(
                "authentication-methods-policy.v1",
                json => json["policyMigrationState"] = state == null ? null : JsonValue.Create(state),
                GraphModels.AuthenticationMethodsPolicy.CreateFromDiscriminatorValue);
            var (migration, fido2, methods) = PolicyMapper.Map(policy);
            var tenant = new TenantSnapshot(migration, fido2, methods, Array.Empty<GroupInfo>())
            {
                SecurityDefaults = SecurityDefaults.Off,
                ConditionalAccess = ConditionalAccessEvidence.Read(Array.Empty<RegistrationPolicy>(), Array.Empty<AllResourcesPolicy>()),
            };
            var user = new UserBuilder().WithMethods(UserBuilder.Password, UserBuilder.MobilePhone).Build();

            return Diagnose.Run(tenant, user);
        }
    }
}
