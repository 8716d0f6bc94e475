using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// The authentication methods registration report (reports/authenticationMethods/userRegistrationDetails): which
    /// methods each user has registered, or why it could not be read (it needs AuditLog.Read.All and Entra ID P1/P2).
    /// </summary>
    public sealed class RegistrationDetails
    {
        private RegistrationDetails(IReadOnlyList<RegisteredUser> users, EvidenceGap? gap)
        {
            Users = users;
            Gap = gap;
        }

        public static RegistrationDetails NotRead { get; } = Unavailable(new EvidenceGap("The registration report was not read.", null));

        public IReadOnlyList<RegisteredUser> Users { get; }

        /// <summary>Null when the report was read.</summary>
        public EvidenceGap? Gap { get; }

        public static RegistrationDetails Read(IEnumerable<RegisteredUser> users) => new RegistrationDetails(users.ToList(), null);

        public static RegistrationDetails Unavailable(EvidenceGap gap) => new RegistrationDetails(Array.Empty<RegisteredUser>(), gap);
    }

    /// <summary>One row of the registration report: the user and the methods it lists (mobilePhone, passKeySynced, ...).</summary>
    public sealed record RegisteredUser(string Id, string? UserPrincipalName, string? UserType, IReadOnlyList<string> MethodsRegistered)
    {
        public bool Has(string method) => MethodsRegistered.Any(m => string.Equals(m, method, StringComparison.OrdinalIgnoreCase));

        /// <summary>How messages name the user.</summary>
        public string Name => UserPrincipalName ?? Id;
    }
}
