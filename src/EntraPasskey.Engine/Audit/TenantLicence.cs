using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EntraPasskey.Engine.Diagnosis;
using EntraPasskey.Engine.Graph;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// Whether the tenant has Microsoft Entra ID P1 or P2, which decides how far back the audit log goes (7 days on
    /// Free, 30 on P1/P2; graph-facts §6.3). Graph serves audits on Free tenants without saying they are cut short,
    /// so the organization's assigned plans are the evidence.
    /// </summary>
    internal static class TenantLicence
    {
        private static readonly Guid PremiumP1Plan = new Guid("41781fb2-bc02-4b7c-bd55-b576c07bb09d");
        private static readonly Guid PremiumP2Plan = new Guid("eec0eb4f-6444-4f95-aba0-50c24d67f998");

        /// <summary>True or false from the assigned plans; null when they cannot be read (then nothing is assumed).</summary>
        public static async Task<bool?> HasPremiumAsync(GraphServiceClient client, EngineLog log, CancellationToken cancellationToken)
        {
            try
            {
                var organizations = await client.Organization.GetAsync(
                    rc => rc.QueryParameters.Select = new[] { "id", "assignedPlans" }, cancellationToken).ConfigureAwait(false);
                var plans = (organizations?.Value ?? new List<Organization>()).SelectMany(o => o.AssignedPlans ?? new List<AssignedPlan>());
                return IsPremium(plans.Select(p => (p.ServicePlanId, (string?)p.CapabilityStatus)));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                var error = GraphErrors.FromException(ex, GraphCall.ReadOrganization, null, cancellationToken);
                log.Verbose($"Could not read the tenant's licence plans ({error.Message}); a Free tenant keeps only {RetentionDays(false)} days of audit events.");
                return null;
            }
        }

        /// <summary>An Entra ID P1 or P2 plan that is enabled (or in its grace period, Warning) counts.</summary>
        public static bool IsPremium(IEnumerable<(Guid? ServicePlanId, string? CapabilityStatus)> plans) =>
            plans.Any(p => (p.ServicePlanId == PremiumP1Plan || p.ServicePlanId == PremiumP2Plan)
                && (string.Equals(p.CapabilityStatus, "Enabled", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(p.CapabilityStatus, "Warning", StringComparison.OrdinalIgnoreCase)));

        public static int RetentionDays(bool premium) => premium ? ReportWindow.MaxDays : 7;
    }
}
