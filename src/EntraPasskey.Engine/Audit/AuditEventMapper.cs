using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Graph.Models;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>Graph SDK directoryAudit → <see cref="AuditEvent"/>.</summary>
    internal static class AuditEventMapper
    {
        public static AuditEvent Map(DirectoryAudit audit)
        {
            var targets = audit.TargetResources ?? new List<TargetResource>();

            // Targets come in any order (a group can come before the user); the subject is the user among them.
            var subject = targets.FirstOrDefault(t => string.Equals(t.Type, "User", StringComparison.OrdinalIgnoreCase));
            var initiator = audit.InitiatedBy?.User;
            return new AuditEvent(
                audit.Id ?? string.Empty,
                audit.ActivityDateTime ?? DateTimeOffset.MinValue,
                audit.ActivityDisplayName ?? string.Empty,
                audit.LoggedByService,
                audit.Result?.ToString().ToLowerInvariant(),
                audit.ResultReason,
                audit.CorrelationId,
                FirstNonEmpty(subject?.Id, initiator?.Id),
                FirstNonEmpty(subject?.UserPrincipalName, initiator?.UserPrincipalName),
                (audit.AdditionalDetails ?? new List<KeyValue>())
                    .Select(d => new KeyValuePair<string, string>(d.Key ?? string.Empty, d.Value ?? string.Empty))
                    .ToList(),
                targets.Select(Describe).ToList());
        }

        private static string Describe(TargetResource target)
        {
            var modified = (target.ModifiedProperties ?? new List<ModifiedProperty>())
                .Select(p => $"{p.DisplayName}: {p.NewValue}");
            return string.Join(" ", new[] { target.Type, target.DisplayName, target.UserPrincipalName }.Where(s => !string.IsNullOrEmpty(s)).Concat(modified));
        }

        private static string FirstNonEmpty(string? first, string? second) =>
            !string.IsNullOrEmpty(first) ? first! : second ?? string.Empty;
    }
}
