namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// What a Graph call is for, the least-privileged permission it needs (named in a 403 error) and how to name a
    /// missing object. One instance per kind of call.
    /// </summary>
    internal sealed class GraphCall
    {
        public static readonly GraphCall ReadUser = new GraphCall("read the user", "User.Read.All", "UserNotFound", "User");
        public static readonly GraphCall ReadMethods = new GraphCall("read the user's authentication methods", "UserAuthenticationMethod.Read.All", "UserNotFound", "User");
        public static readonly GraphCall ReadMemberships = new GraphCall("read the user's group memberships", "GroupMember.Read.All", "UserNotFound", "User");
        public static readonly GraphCall ReadPolicy = new GraphCall("read the authentication methods policy", "Policy.Read.AuthenticationMethod", null, null);
        public static readonly GraphCall ReadGroups = new GraphCall("read the groups the policy targets", "GroupMember.Read.All", null, null);
        public static readonly GraphCall CreateTap = new GraphCall("issue a Temporary Access Pass", "UserAuthenticationMethod.ReadWrite.All", "UserNotFound", "User");
        public static readonly GraphCall DeletePasskey = new GraphCall("remove the user's passkey", "UserAuthMethod-Passkey.ReadWrite.All (or UserAuthenticationMethod.ReadWrite.All)", null, null);
        public static readonly GraphCall RevokeSessions = new GraphCall("revoke the user's sign-in sessions", "User.RevokeSessions.All (or User.ReadWrite.All)", "UserNotFound", "User");
        public static readonly GraphCall ReadSecurityDefaults = new GraphCall("read the security defaults policy", "Policy.Read.All", null, null);
        public static readonly GraphCall ReadConditionalAccess = new GraphCall("read the Conditional Access policies", "Policy.Read.All", null, null);
        public static readonly GraphCall ReadSignIns = new GraphCall("read the user's sign-in logs", "AuditLog.Read.All", null, null);
        public static readonly GraphCall ReadDirectoryAudits = new GraphCall("read the directory audit log", "AuditLog.Read.All", null, null);
        public static readonly GraphCall ReadOrganization = new GraphCall("read the tenant's licence plans", "Organization.Read.All", null, null);
        public static readonly GraphCall CountGroupMembers = new GraphCall("count the members of the groups the policies target", "GroupMember.Read.All", null, null);
        public static readonly GraphCall CountUsers = new GraphCall("count the tenant's users", "User.Read.All", null, null);
        public static readonly GraphCall ReadRegistrationDetails = new GraphCall("read the authentication methods registration report", "AuditLog.Read.All", null, null);

        private GraphCall(string purpose, string permission, string? notFoundErrorId, string? subject)
        {
            Purpose = purpose;
            Permission = permission;
            NotFoundErrorId = notFoundErrorId;
            Subject = subject;
        }

        /// <summary>Completes "Permission denied to ...".</summary>
        public string Purpose { get; }

        public string Permission { get; }

        public string? NotFoundErrorId { get; }

        /// <summary>What a 404 is about ("User"), or null when a 404 is an ordinary failure.</summary>
        public string? Subject { get; }
    }
}
