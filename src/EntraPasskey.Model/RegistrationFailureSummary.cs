using System;

namespace EntraPasskey
{
    /// <summary>
    /// Failed passkey registrations of one user for one reason over the report's window, from the directory audit
    /// log or a Log Analytics workspace. Events of one attempt (same correlation id) count once.
    /// </summary>
    public sealed class RegistrationFailureSummary
    {
        public RegistrationFailureSummary(
            string userPrincipalName,
            string userId,
            string reason,
            int attempts,
            DateTimeOffset firstSeen,
            DateTimeOffset lastSeen,
            TextList methods,
            TextList aaguids,
            TextList authenticators,
            int? likelyLayer,
            OwnerQueue? owner,
            bool needsOutreach,
            string meaning,
            string remediation,
            TextList resultReasons,
            TextList correlationIds)
        {
            UserPrincipalName = userPrincipalName;
            UserId = userId;
            Reason = reason;
            Attempts = attempts;
            FirstSeen = firstSeen;
            LastSeen = lastSeen;
            Methods = methods;
            Aaguids = aaguids;
            Authenticators = authenticators;
            LikelyLayer = likelyLayer;
            LayerName = LayerCatalog.NameOfNumber(likelyLayer);
            Owner = owner;
            NeedsOutreach = needsOutreach;
            Meaning = meaning;
            Remediation = remediation;
            ResultReasons = resultReasons;
            CorrelationIds = correlationIds;
        }

        public string UserPrincipalName { get; }

        public string UserId { get; }

        /// <summary>Normalised reason code (PascalCase), or Unrecognised when the audit's text matched no known pattern.</summary>
        public string Reason { get; }

        /// <summary>Registration attempts (distinct correlation ids) that failed for this reason.</summary>
        public int Attempts { get; }

        public DateTimeOffset FirstSeen { get; }

        public DateTimeOffset LastSeen { get; }

        /// <summary>The kinds of passkey the user tried to add, e.g. "Passkey (device-bound)".</summary>
        public TextList Methods { get; }

        /// <summary>Authenticator models (AAGUIDs) the audit events named, when they named one.</summary>
        public TextList Aaguids { get; }

        /// <summary>Names of those authenticators, in the order of <see cref="Aaguids"/>.</summary>
        public TextList Authenticators { get; }

        /// <summary>The layer the reason most likely belongs to (1 to 7), or null for an unrecognised reason.</summary>
        public int? LikelyLayer { get; }

        public string? LayerName { get; }

        public OwnerQueue? Owner { get; }

        /// <summary>True when the user failed more than twice in the window, whatever the reasons: contact them.</summary>
        public bool NeedsOutreach { get; }

        /// <summary>What the reason means, in one line.</summary>
        public string Meaning { get; }

        public string Remediation { get; }

        /// <summary>The audit log's own result reasons behind this row, as Microsoft wrote them.</summary>
        public TextList ResultReasons { get; }

        public TextList CorrelationIds { get; }

        public override string ToString() => $"{UserPrincipalName}: {Reason} x{Attempts}";
    }
}
