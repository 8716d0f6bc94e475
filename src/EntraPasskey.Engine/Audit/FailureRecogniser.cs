using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// Decides whether one audit event is a failed passkey registration, and reads its reason, method and AAGUID,
    /// from the pattern table. Pure. The same decisions are written as KQL by <see cref="KqlQuery"/>, so both sources
    /// give the same report: the event text is searched for markers, the reason text for reason patterns.
    /// </summary>
    internal static class FailureRecogniser
    {
        /// <summary>
        /// An AAGUID is the first GUID shortly after the word "aaguid" (an additionalDetails key, a modified property
        /// or the result reason). Written for both .NET and RE2 (Kusto's regex engine).
        /// </summary>
        public const string AaguidPattern = "(?i)aaguid.{0,40}?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

        private static readonly Regex Aaguid = new Regex(AaguidPattern, RegexOptions.CultureInvariant);

        public static RecognisedFailure? Recognise(AuditEvent auditEvent, FailurePatternTable table)
        {
            if (!table.IsReadService(auditEvent.Service))
            {
                return null;
            }

            var eventText = EventText(auditEvent);
            var failed = table.FailureResults.Any(r => string.Equals(auditEvent.Result, r, StringComparison.OrdinalIgnoreCase))
                || table.AbandonMarkers.Any(m => Contains(eventText, m));
            if (!failed || !table.PasskeyMarkers.Any(m => Contains(eventText, m)))
            {
                return null;
            }

            var reasonText = ReasonText(auditEvent);
            var reason = table.Reasons.FirstOrDefault(r => r.Patterns.Any(p => Contains(reasonText, p))) ?? table.Unrecognised;
            var method = table.Methods.Where(m => Contains(eventText, m.Pattern)).Select(m => m.Method).FirstOrDefault();
            var aaguid = Aaguid.Match(eventText);
            return new RecognisedFailure(auditEvent, reason, method, aaguid.Success ? NormaliseAaguid(aaguid.Groups[1].Value) : null);
        }

        /// <summary>Everything the event says: activity, result reason, additional details, target resources.</summary>
        private static string EventText(AuditEvent auditEvent) =>
            string.Join(" | ", new[]
            {
                auditEvent.Activity,
                auditEvent.ResultReason ?? string.Empty,
                string.Join(" ", auditEvent.Details.Select(d => d.Key + ": " + d.Value)),
                string.Join(" ", auditEvent.TargetTexts),
            });

        /// <summary>What the reason patterns search: the result reason, then the activity and the result.</summary>
        private static string ReasonText(AuditEvent auditEvent) =>
            string.Join(" | ", auditEvent.ResultReason ?? string.Empty, auditEvent.Activity, auditEvent.Result ?? string.Empty);

        private static string NormaliseAaguid(string value) => Guid.Parse(value).ToString("D");

        private static bool Contains(string text, string pattern) =>
            text.IndexOf(pattern, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
