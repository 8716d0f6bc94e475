using System;

namespace EntraPasskey
{
    /// <summary>Which passkey Remove-EntraPasskey was asked to remove for one input, and how.</summary>
    public sealed class PasskeyRemovalRequest
    {
        private PasskeyRemovalRequest(string? methodId, Guid? aaguid, bool revokeSessions, bool force)
        {
            MethodId = methodId;
            Aaguid = aaguid;
            RevokeSessions = revokeSessions;
            Force = force;
        }

        /// <summary>The fido2AuthenticationMethod id; null when the passkey is named by <see cref="Aaguid"/>.</summary>
        public string? MethodId { get; }

        /// <summary>The model of the passkey; must match exactly one of the user's passkeys.</summary>
        public Guid? Aaguid { get; }

        /// <summary>Also revoke the user's sign-in sessions (refresh tokens and session cookies).</summary>
        public bool RevokeSessions { get; }

        /// <summary>Remove it even when it is the user's last method that can complete multifactor authentication.</summary>
        public bool Force { get; }

        public static PasskeyRemovalRequest ByMethodId(string methodId, bool revokeSessions, bool force) =>
            new PasskeyRemovalRequest(methodId ?? throw new ArgumentNullException(nameof(methodId)), null, revokeSessions, force);

        public static PasskeyRemovalRequest ByAaguid(Guid aaguid, bool revokeSessions, bool force) =>
            new PasskeyRemovalRequest(null, aaguid, revokeSessions, force);
    }
}
