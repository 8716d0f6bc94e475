using System;
using System.Globalization;

namespace EntraPasskey
{
    /// <summary>
    /// A passkey removed from a user (a lost or stolen device or key), whether their sign-in sessions were revoked,
    /// what they can still complete MFA with, and what happens next. Piped to New-PasskeyBootstrapTap it binds by
    /// <see cref="UserId"/>; filter on <see cref="NeedsTemporaryAccessPass"/> first.
    /// </summary>
    public sealed class PasskeyRemoval
    {
        public PasskeyRemoval(
            string userPrincipalName,
            string userId,
            string? displayName,
            string methodId,
            string? passkeyName,
            Guid? aaguid,
            string? model,
            string? passkeyType,
            DateTimeOffset? createdDateTime,
            DateTimeOffset removedDateTime,
            bool sessionsRevoked,
            TextList remainingMfaMethods,
            string nextSteps)
        {
            UserPrincipalName = userPrincipalName;
            UserId = userId;
            DisplayName = displayName;
            MethodId = methodId;
            PasskeyName = passkeyName;
            Aaguid = aaguid;
            Model = model;
            PasskeyType = passkeyType;
            CreatedDateTime = createdDateTime;
            RemovedDateTime = removedDateTime;
            SessionsRevoked = sessionsRevoked;
            RemainingMfaMethods = remainingMfaMethods;
            NextSteps = nextSteps;
        }

        public string UserPrincipalName { get; }

        public string UserId { get; }

        public string? DisplayName { get; }

        /// <summary>The id of the removed fido2AuthenticationMethod.</summary>
        public string MethodId { get; }

        /// <summary>The name the user gave the passkey when registering it.</summary>
        public string? PasskeyName { get; }

        public Guid? Aaguid { get; }

        /// <summary>The authenticator model as Graph named it.</summary>
        public string? Model { get; }

        /// <summary>deviceBound or synced.</summary>
        public string? PasskeyType { get; }

        /// <summary>When the passkey was registered.</summary>
        public DateTimeOffset? CreatedDateTime { get; }

        public DateTimeOffset RemovedDateTime { get; }

        /// <summary>True when -RevokeSessions revoked the user's refresh tokens and session cookies.</summary>
        public bool SessionsRevoked { get; }

        /// <summary>The user's methods that can still complete multifactor authentication.</summary>
        public TextList RemainingMfaMethods { get; }

        /// <summary>True when nothing is left to complete MFA with: the user needs a Temporary Access Pass to register a replacement.</summary>
        public bool NeedsTemporaryAccessPass => RemainingMfaMethods.Count == 0;

        /// <summary>What the help desk and the user do now, in a few sentences.</summary>
        public string NextSteps { get; }

        public override string ToString() =>
            string.Format(
                CultureInfo.InvariantCulture,
                "{0}: removed passkey {1}{2}",
                UserPrincipalName,
                PasskeyName ?? Model ?? MethodId,
                SessionsRevoked ? ", sessions revoked" : string.Empty);
    }
}
