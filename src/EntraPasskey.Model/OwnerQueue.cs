namespace EntraPasskey
{
    /// <summary>The queue a ticket belongs in once the failing layer is known.</summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum OwnerQueue : long
    {
        /// <summary>Identity / Entra administrators: policies, profiles, bootstrap.</summary>
        IdentityTeam,
        /// <summary>The user can fix it (for example by signing in again with MFA).</summary>
        User,
        /// <summary>Endpoint / device team: operating system, browser, hardware, passkey provider.</summary>
        Endpoint,
    }
}
