using System;

namespace EntraPasskey
{
    /// <summary>
    /// One failed passkey registration attempt (Get-PasskeyRegistrationFailures -Raw): the audit events that share a
    /// correlation id, merged into one.
    /// </summary>
    public sealed class RegistrationFailureEvent
    {
        public RegistrationFailureEvent(
            DateTimeOffset time,
            string userPrincipalName,
            string userId,
            string reason,
            string? resultReason,
            TextList activities,
            string? method,
            string? aaguid,
            string? authenticator,
            int? likelyLayer,
            OwnerQueue? owner,
            string correlationId,
            int eventCount)
        {
            Time = time;
            UserPrincipalName = userPrincipalName;
            UserId = userId;
            Reason = reason;
            ResultReason = resultReason;
            Activities = activities;
            Method = method;
            Aaguid = aaguid;
            Authenticator = authenticator;
            LikelyLayer = likelyLayer;
            LayerName = LayerCatalog.NameOfNumber(likelyLayer);
            Owner = owner;
            CorrelationId = correlationId;
            EventCount = eventCount;
        }

        /// <summary>When the attempt's first failure event was logged.</summary>
        public DateTimeOffset Time { get; }

        public string UserPrincipalName { get; }

        public string UserId { get; }

        public string Reason { get; }

        /// <summary>The audit log's result reason for the attempt, as Microsoft wrote it.</summary>
        public string? ResultReason { get; }

        /// <summary>The activity names of the merged events, e.g. "User registered security info".</summary>
        public TextList Activities { get; }

        public string? Method { get; }

        public string? Aaguid { get; }

        public string? Authenticator { get; }

        public int? LikelyLayer { get; }

        public string? LayerName { get; }

        public OwnerQueue? Owner { get; }

        /// <summary>The attempt's correlation id (the audit event id when the events carry none).</summary>
        public string CorrelationId { get; }

        /// <summary>How many failure events of the audit log this attempt merges (a pair counts 2).</summary>
        public int EventCount { get; }

        public override string ToString() => $"{Time:u} {UserPrincipalName}: {Reason}";
    }
}
