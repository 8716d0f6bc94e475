namespace EntraPasskey
{
    /// <summary>The queue a ticket belongs in once the failing layer is known.</summary>
    public enum OwnerQueue
    {
        /// <summary>Identity / Entra administrators: policies, profiles, bootstrap.</summary>
        IdentityTeam,
        /// <summary>The user can fix it (for example by signing in again with MFA).</summary>
        User,
        /// <summary>Endpoint / device team: operating system, browser, hardware, passkey provider.</summary>
        Endpoint,
    }
}
