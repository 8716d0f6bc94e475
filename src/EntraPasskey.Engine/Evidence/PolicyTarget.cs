using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>One include or exclude target of an authentication method configuration.</summary>
    public sealed record PolicyTarget(string Id, PolicyTargetKind Kind, IReadOnlyList<string> AllowedPasskeyProfiles)
    {
        /// <summary>The literal id Graph uses for "all users" (with targetType group).</summary>
        public const string AllUsersId = "all_users";

        public static PolicyTarget Group(string id, params string[] allowedPasskeyProfiles) =>
            new PolicyTarget(id, string.Equals(id, AllUsersId, StringComparison.OrdinalIgnoreCase) ? PolicyTargetKind.AllUsers : PolicyTargetKind.Group, allowedPasskeyProfiles);

        public static PolicyTarget User(string id) => new PolicyTarget(id, PolicyTargetKind.User, Array.Empty<string>());

        public static PolicyTarget AllUsers(params string[] allowedPasskeyProfiles) =>
            new PolicyTarget(AllUsersId, PolicyTargetKind.AllUsers, allowedPasskeyProfiles);
    }

    public enum PolicyTargetKind
    {
        AllUsers,
        Group,
        User,
    }
}
