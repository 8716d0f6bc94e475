using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>The attempts of one user that failed for one reason.</summary>
    internal sealed class FailureGroup
    {
        public FailureGroup(
            string userId,
            string userPrincipalName,
            FailureReason reason,
            int attempts,
            DateTimeOffset firstSeen,
            DateTimeOffset lastSeen,
            IReadOnlyList<string> methods,
            IReadOnlyList<string> aaguids,
            IReadOnlyList<string> resultReasons,
            IReadOnlyList<string> correlationIds,
            bool needsOutreach)
        {
            UserId = userId;
            UserPrincipalName = userPrincipalName;
            Reason = reason;
            Attempts = attempts;
            FirstSeen = firstSeen;
            LastSeen = lastSeen;
            Methods = methods;
            Aaguids = aaguids;
            ResultReasons = resultReasons;
            CorrelationIds = correlationIds;
            NeedsOutreach = needsOutreach;
        }

        public string UserId { get; }

        public string UserPrincipalName { get; }

        public FailureReason Reason { get; }

        public int Attempts { get; }

        public DateTimeOffset FirstSeen { get; }

        public DateTimeOffset LastSeen { get; }

        public IReadOnlyList<string> Methods { get; }

        public IReadOnlyList<string> Aaguids { get; }

        public IReadOnlyList<string> ResultReasons { get; }

        public IReadOnlyList<string> CorrelationIds { get; }

        public bool NeedsOutreach { get; }
    }
}
