using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// One directory audit event, reduced to what the failure report reads. The subject is the user whose security
    /// info it is: the target resource of type User, else the initiator (self-service events name the user in both).
    /// </summary>
    internal sealed class AuditEvent
    {
        public AuditEvent(
            string id,
            DateTimeOffset time,
            string activity,
            string? service,
            string? result,
            string? resultReason,
            string? correlationId,
            string userId,
            string userPrincipalName,
            IReadOnlyList<KeyValuePair<string, string>> details,
            IReadOnlyList<string> targetTexts)
        {
            Id = id;
            Time = time;
            Activity = activity;
            Service = service;
            Result = result;
            ResultReason = resultReason;
            CorrelationId = correlationId;
            UserId = userId;
            UserPrincipalName = userPrincipalName;
            Details = details;
            TargetTexts = targetTexts;
        }

        public string Id { get; }

        public DateTimeOffset Time { get; }

        /// <summary>activityDisplayName, e.g. "User registered security info".</summary>
        public string Activity { get; }

        /// <summary>loggedByService, e.g. "Authentication Methods".</summary>
        public string? Service { get; }

        /// <summary>success, failure, timeout (Graph's operationResult, lower case).</summary>
        public string? Result { get; }

        public string? ResultReason { get; }

        public string? CorrelationId { get; }

        public string UserId { get; }

        public string UserPrincipalName { get; }

        /// <summary>additionalDetails as key/value pairs.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Details { get; }

        /// <summary>What the target resources say (names, types, modified properties), as plain text.</summary>
        public IReadOnlyList<string> TargetTexts { get; }
    }
}
