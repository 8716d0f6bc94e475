using System;
using System.Collections.Generic;
using EntraPasskey.Engine.Audit;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>Audit events for the recogniser and grouping tests: a failed self-service passkey registration unless told otherwise.</summary>
    internal sealed class AuditEventBuilder
    {
        public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        private static int s_next;

        private readonly List<KeyValuePair<string, string>> _details = new List<KeyValuePair<string, string>>();
        private readonly List<string> _targets = new List<string>();
        private string _id = "event-" + System.Threading.Interlocked.Increment(ref s_next);
        private DateTimeOffset _time = Start;
        private string _activity = "User registered security info";
        private string? _service = "Authentication Methods";
        private string? _result = "failure";
        private string? _reason = "User failed to register Passkey (device-bound).";
        private string? _correlationId = Guid.NewGuid().ToString();
        private string _userId = "f0d296dc-76c4-442a-9ac0-955d7ea6b7b3";
        private string _upn = "AdeleV@contoso.com";

        public AuditEventBuilder Id(string id) { _id = id; return this; }

        public AuditEventBuilder At(DateTimeOffset time) { _time = time; return this; }

        public AuditEventBuilder MinutesAfterStart(int minutes) { _time = Start.AddMinutes(minutes); return this; }

        public AuditEventBuilder Activity(string activity) { _activity = activity; return this; }

        public AuditEventBuilder Service(string? service) { _service = service; return this; }

        public AuditEventBuilder Result(string? result) { _result = result; return this; }

        public AuditEventBuilder Reason(string? reason) { _reason = reason; return this; }

        public AuditEventBuilder Correlation(string? correlationId) { _correlationId = correlationId; return this; }

        public AuditEventBuilder User(string id, string upn) { _userId = id; _upn = upn; return this; }

        public AuditEventBuilder Detail(string key, string value) { _details.Add(new KeyValuePair<string, string>(key, value)); return this; }

        public AuditEventBuilder Target(string text) { _targets.Add(text); return this; }

        public AuditEvent Build() =>
            new AuditEvent(_id, _time, _activity, _service, _result, _reason, _correlationId, _userId, _upn, _details, _targets);

        public RecognisedFailure Recognised() =>
            FailureRecogniser.Recognise(Build(), FailurePatternTable.Default)
            ?? throw new InvalidOperationException("The event was not recognised as a passkey registration failure.");
    }
}
