using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    internal static class Diagnose
    {
        public static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

        public static PasskeyDiagnosis Run(TenantSnapshot tenant, UserEvidence user, AttemptHints? hints = null)
        {
            var diagnosis = Judge.Default.Diagnose(new DiagnosisInput(tenant, user, hints ?? AttemptHints.None, Now));
            ProducedReasons.Record(diagnosis);
            return diagnosis;
        }

        /// <summary>The default tenant and user, with what the caller states about the attempt.</summary>
        public static PasskeyDiagnosis Run(AttemptHints hints) => Run(new TenantBuilder().Build(), new UserBuilder().Build(), hints);

        public static PasskeyDiagnosis Run(TenantBuilder tenant, UserBuilder user) => Run(tenant.Build(), user.Build());

        public static PasskeyDiagnosis Run(TenantBuilder tenant, UserBuilder user, Guid aaguid, string? platform = null, string? platformVersion = null) =>
            Run(tenant.Build(), user.Build(), new AttemptHints(aaguid, platform, platformVersion, null));
    }
}
