using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>One registration attempt: the failure events that share a correlation id, counted once.</summary>
    internal sealed class FailureAttempt
    {
        public FailureAttempt(
            string correlationId,
            DateTimeOffset time,
            string userId,
            string userPrincipalName,
            FailureReason reason,
            string? resultReason,
            string? method,
            string? aaguid,
            IReadOnlyList<string> activities,
            int eventCount)
        {
            CorrelationId = correlationId;
            Time = time;
            UserId = userId;
            UserPrincipalName = userPrincipalName;
            Reason = reason;
            ResultReason = resultReason;
            Method = method;
            Aaguid = aaguid;
            Activities = activities;
            EventCount = eventCount;
        }

        public string CorrelationId { get; }

        public DateTimeOffset Time { get; }

        public string UserId { get; }

        public string UserPrincipalName { get; }

        public FailureReason Reason { get; }

        public string? ResultReason { get; }

        public string? Method { get; }

        public string? Aaguid { get; }

        public IReadOnlyList<string> Activities { get; }

        public int EventCount { get; }
    }
}
