using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// Who a Conditional Access policy applies to. <see cref="IncludeUsers"/> holds user ids or the keywords All,
    /// None and GuestsOrExternalUsers; groups count transitively.
    /// </summary>
    public sealed record AccessPolicyUsers(
        IReadOnlyList<string> IncludeUsers,
        IReadOnlyList<string> ExcludeUsers,
        IReadOnlyList<string> IncludeGroups,
        IReadOnlyList<string> ExcludeGroups,
        IReadOnlyList<string> IncludeRoles,
        IReadOnlyList<string> ExcludeRoles,
        bool IncludesGuestsOrExternalUsers,
        bool ExcludesGuestsOrExternalUsers)
    {
        public const string All = "All";
        public const string GuestsOrExternalUsers = "GuestsOrExternalUsers";
    }
}
