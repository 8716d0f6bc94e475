using System;
using System.Collections.Generic;
using System.Linq;
using GraphSimulator.Pipeline;

namespace GraphSimulator.Auth;

/// <summary>The permissions that allow one operation: any one of them suffices.</summary>
/// <param name="Application">Checked against the token's <c>roles</c> (app-only tokens).</param>
/// <param name="Delegated">Checked against the token's <c>scp</c> (delegated tokens).</param>
internal sealed record PermissionRequirement(string Name, IReadOnlyList<string> Application, IReadOnlyList<string> Delegated)
{
    public bool IsSatisfiedBy(Caller caller) =>
        (caller.IsDelegated ? Delegated : Application).Any(caller.Holds);

    public bool RequiresNothing => Application.Count == 0 && Delegated.Count == 0;
}

/// <summary>
/// Every route's permission requirement, in one table. Lists follow Microsoft Graph's permission reference
/// (least privileged first, then the higher-privileged permissions that also allow the call).
/// Delegated calls are checked on scopes only; the signed-in user's directory roles are not simulated.
/// </summary>
internal static class GraphPermissions
{
    /// <summary>$batch itself needs only a valid token; each item is checked on its own.</summary>
    public static readonly PermissionRequirement AuthenticatedOnly = new("Authenticated", [], []);

    public static readonly PermissionRequirement ReadUsers = Same("ReadUsers",
        "User.ReadBasic.All", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All");

    public static readonly PermissionRequirement ReadUserMemberships = Same("ReadUserMemberships",
        "GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "User.Read.All",
        "Group.ReadWrite.All", "User.ReadWrite.All", "Directory.ReadWrite.All");

    public static readonly PermissionRequirement ReadGroups = Same("ReadGroups",
        "GroupMember.Read.All", "Group.Read.All", "Directory.Read.All", "Group.ReadWrite.All", "Directory.ReadWrite.All");

    public static readonly PermissionRequirement ReadAuthenticationMethods = Same("ReadAuthenticationMethods",
        "UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All");

    public static readonly PermissionRequirement ReadAuthenticationMethodsPolicy = Same("ReadAuthenticationMethodsPolicy",
        "Policy.Read.AuthenticationMethod", "Policy.ReadWrite.AuthenticationMethod", "Policy.Read.All");

    public static readonly PermissionRequirement WriteAuthenticationMethodsPolicy = Same("WriteAuthenticationMethodsPolicy",
        "Policy.ReadWrite.AuthenticationMethod");

    public static readonly PermissionRequirement ReadSecurityDefaults = Same("ReadSecurityDefaults",
        "Policy.Read.All", "Policy.ReadWrite.SecurityDefaults");

    public static readonly PermissionRequirement ReadConditionalAccess = Same("ReadConditionalAccess",
        "Policy.Read.ConditionalAccess", "Policy.Read.All", "Policy.ReadWrite.ConditionalAccess");

    public static readonly PermissionRequirement ReadOrganization = new("ReadOrganization",
        ["Organization.Read.All", "Directory.Read.All", "Organization.ReadWrite.All", "Directory.ReadWrite.All"],
        ["User.Read", "Organization.Read.All", "Directory.Read.All", "Organization.ReadWrite.All", "Directory.ReadWrite.All"]);

    public static readonly PermissionRequirement CreateTemporaryAccessPass = Same("CreateTemporaryAccessPass",
        "UserAuthMethod-TAP.ReadWrite.All", "UserAuthenticationMethod.ReadWrite.All");
    /// <summary>DELETE fido2Methods/{id}: the passkey permission, or the broad authentication-methods one.</summary>
    public static readonly PermissionRequirement DeletePasskey = new("DeletePasskey",
        ["UserAuthMethod-Passkey.ReadWrite.All", "UserAuthenticationMethod.ReadWrite.All"],
        ["UserAuthMethod-Passkey.ReadWrite", "UserAuthMethod-Passkey.ReadWrite.All", "UserAuthenticationMethod.ReadWrite", "UserAuthenticationMethod.ReadWrite.All"]);

    /// <summary>POST users/{id}/revokeSignInSessions.</summary>
    public static readonly PermissionRequirement RevokeSignInSessions = Same("RevokeSignInSessions",
        "User.RevokeSessions.All", "User.ReadWrite.All", "Directory.ReadWrite.All");

    public static readonly PermissionRequirement ReadSignIns = Same("ReadSignIns", "AuditLog.Read.All", "Directory.Read.All");
    public static readonly PermissionRequirement ReadDirectoryAudits = Same("ReadDirectoryAudits", "AuditLog.Read.All");
    public static readonly PermissionRequirement ReadRegistrationDetails = Same("ReadRegistrationDetails", "AuditLog.Read.All", "UserAuthenticationMethod.Read.All");

    private static PermissionRequirement Same(string name, params string[] permissions) =>
        new(name, Array.AsReadOnly(permissions), Array.AsReadOnly(permissions));
}
