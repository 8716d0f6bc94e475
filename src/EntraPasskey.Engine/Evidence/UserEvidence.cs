using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>Everything read about one user.</summary>
    public sealed class UserEvidence
    {
        /// <summary>Ids of every group the user belongs to, directly or through nesting.</summary>
        private readonly HashSet<string> _groupIds;

        public UserEvidence(
            string id,
            string userPrincipalName,
            string? displayName,
            bool? accountEnabled,
            string? userType,
            string? creationType,
            string? externalUserState,
            IReadOnlyList<RegisteredMethod> methods,
            IEnumerable<string> groupIds)
        {
            Id = id;
            UserPrincipalName = userPrincipalName;
            DisplayName = displayName;
            AccountEnabled = accountEnabled;
            UserType = userType;
            CreationType = creationType;
            ExternalUserState = externalUserState;
            Methods = methods;
            _groupIds = new HashSet<string>(groupIds, StringComparer.OrdinalIgnoreCase);
        }

        public string Id { get; }

        public string UserPrincipalName { get; }

        public string? DisplayName { get; }

        public bool? AccountEnabled { get; }

        /// <summary>Member or Guest.</summary>
        public string? UserType { get; }

        public string? CreationType { get; }

        /// <summary>Set for B2B collaboration users (PendingAcceptance, Accepted), whatever their userType.</summary>
        public string? ExternalUserState { get; }

        public IReadOnlyList<RegisteredMethod> Methods { get; }

        /// <summary>Recent interactive sign-ins (layers 4 and 5); unknown until the gathering code reads them.</summary>
        public SignInHistory SignIns { get; init; } = SignInHistory.NotRead;

        public bool IsMemberOf(string groupId) => _groupIds.Contains(groupId);

        /// <summary>The same user with sign-ins read separately (a bulk run reads them once for the tenant).</summary>
        public UserEvidence WithSignIns(SignInHistory signIns) =>
            new UserEvidence(Id, UserPrincipalName, DisplayName, AccountEnabled, UserType, CreationType, ExternalUserState, Methods, _groupIds)
            {
                SignIns = signIns,
            };

        /// <summary>
        /// A guest in this tenant: userType Guest (internal guests too) or a B2B collaboration user (an external state,
        /// whatever the userType). Who cannot register passkeys here (layer 1), and whom Conditional Access means by
        /// "guests and external users".
        /// </summary>
        public bool IsGuest => string.Equals(UserType, "Guest", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(ExternalUserState);

        /// <summary>
        /// An external guest as Graph's Temporary Access Pass API means it (graph-facts §2.2): invited (creationType
        /// Invitation) or carrying an external state. Not <see cref="IsGuest"/>: Graph gives a pass to an internal guest
        /// (userType Guest with neither), and refuses one to an invited user whatever their userType.
        /// </summary>
        public bool IsExternalGuest => !string.IsNullOrEmpty(ExternalUserState) || string.Equals(CreationType, "Invitation", StringComparison.OrdinalIgnoreCase);

        /// <summary>How the help desk names this user in messages.</summary>
        public string Name => string.IsNullOrEmpty(DisplayName) ? UserPrincipalName : DisplayName!;
    }
}
