using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Targets
{
    /// <summary>
    /// A method configuration targets a group that no longer exists. A deleted include target of Passkey (FIDO2) or
    /// Temporary Access Pass leaves its former members without passkeys or without a bootstrap (High); any other
    /// dangling target is stale configuration (Low). Members of a deleted group cannot be counted.
    /// </summary>
    public sealed class TargetGroupDeletedCheck : IDesignCheck
    {
        private static readonly string[] Bootstrap = { MethodPolicyIds.Fido2, MethodPolicyIds.TemporaryAccessPass };

        public string Id => "TargetGroupDeleted";

        public string Title => "Method targets point at live groups";

        public DesignSeverity Severity => DesignSeverity.Low;

        public Uri Documentation => DesignDocs.EnablePasskeys;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var tenant = input.Tenant;
            var dangling = new List<(string Method, string Kind, string Id)>();
            foreach (var method in tenant.MethodPolicies.Values.OrderBy(m => m.Id, StringComparer.Ordinal))
            {
                dangling.AddRange(Deleted(method.IncludeTargets, tenant).Select(id => (method.Id, "include", id)));
                dangling.AddRange(Deleted(method.ExcludeTargets, tenant).Select(id => (method.Id, "exclude", id)));
            }

            if (dangling.Count == 0)
            {
                return null;
            }

            var severe = dangling.Any(d => d.Kind == "include" && Bootstrap.Contains(d.Method, StringComparer.OrdinalIgnoreCase));
            var list = string.Join("; ", dangling.Select(d => $"{d.Method} {d.Kind} target {d.Id}"));
            return DesignOutcome.Fail(
                severe
                    ? $"An include target of {string.Join(" and ", dangling.Where(d => d.Kind == "include" && Bootstrap.Contains(d.Method, StringComparer.OrdinalIgnoreCase)).Select(d => d.Method).Distinct())} points at a deleted group, so the users it was meant to reach are not targeted ({list})."
                    : $"Method targets point at deleted groups ({list}); they no longer reach anyone.",
                "Restore the deleted group (Entra ID > Groups > Deleted groups, within 30 days) or replace the target with a live group, then remove the dangling target.",
                Facts.Of(("deletedTargets", list)),
                Audience.Uncounted("the members of a deleted group cannot be counted"),
                severe ? DesignSeverity.High : (DesignSeverity?)null);
        }

        private static IEnumerable<string> Deleted(IEnumerable<PolicyTarget> targets, TenantSnapshot tenant) =>
            targets.Where(t => t.Kind == PolicyTargetKind.Group && !tenant.Group(t.Id).Exists).Select(t => t.Id);
    }
}
