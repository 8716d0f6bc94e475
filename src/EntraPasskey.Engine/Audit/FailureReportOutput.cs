using System;
using System.Linq;
using EntraPasskey.Engine.Catalog;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>Turns groups and attempts into the objects users see, naming authenticators from the AAGUID catalog.</summary>
    internal static class FailureReportOutput
    {
        public static RegistrationFailureSummary Summary(FailureGroup group, AuthenticatorCatalog catalog) =>
            new RegistrationFailureSummary(
                group.UserPrincipalName,
                group.UserId,
                group.Reason.Code,
                group.Attempts,
                group.FirstSeen,
                group.LastSeen,
                new TextList(group.Methods),
                new TextList(group.Aaguids),
                new TextList(group.Aaguids.Select(a => NameOf(a, catalog))),
                (int?)group.Reason.Layer,
                group.Reason.Owner,
                group.NeedsOutreach,
                group.Reason.Meaning,
                group.Reason.Remediation,
                new TextList(group.ResultReasons),
                new TextList(group.CorrelationIds));

        public static RegistrationFailureEvent Event(FailureAttempt attempt, AuthenticatorCatalog catalog) =>
            new RegistrationFailureEvent(
                attempt.Time,
                attempt.UserPrincipalName,
                attempt.UserId,
                attempt.Reason.Code,
                attempt.ResultReason,
                new TextList(attempt.Activities),
                attempt.Method,
                attempt.Aaguid,
                attempt.Aaguid == null ? null : NameOf(attempt.Aaguid, catalog),
                (int?)attempt.Reason.Layer,
                attempt.Reason.Owner,
                attempt.CorrelationId,
                attempt.EventCount);

        /// <summary>An AAGUID the catalog does not know still shows, as "Unknown authenticator (guid)".</summary>
        private static string NameOf(string aaguid, AuthenticatorCatalog catalog) =>
            (Guid.TryParse(aaguid, out var id) ? catalog.Find(id)?.Name : null) ?? $"Unknown authenticator ({aaguid})";
    }
}
