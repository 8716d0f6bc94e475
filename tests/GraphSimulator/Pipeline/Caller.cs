using System;
using System.Collections.Generic;

namespace GraphSimulator.Pipeline;

/// <summary>Who is calling, as the bearer token says.</summary>
internal sealed record Caller(
    string AppId,
    string TenantId,
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> Scopes,
    string? UserPrincipalName,
    string? ObjectId)
{
    /// <summary>Delegated tokens carry scp; app-only tokens carry roles.</summary>
    public bool IsDelegated => UserPrincipalName is not null || Scopes.Count > 0;

    public bool Holds(string permission) =>
        IsDelegated ? Scopes.Contains(permission) : Roles.Contains(permission);

    public static IReadOnlySet<string> PermissionSet(IEnumerable<string> names) =>
        new HashSet<string>(names, StringComparer.OrdinalIgnoreCase);
}
