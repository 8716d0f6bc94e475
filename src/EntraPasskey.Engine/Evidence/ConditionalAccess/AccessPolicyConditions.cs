using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// The conditions of a Conditional Access policy that narrow when it applies. Empty lists mean "no such
    /// condition"; location ids include the keywords All and AllTrusted.
    /// </summary>
    public sealed record AccessPolicyConditions(
        IReadOnlyList<string> IncludeLocations,
        IReadOnlyList<string> ExcludeLocations,
        IReadOnlyList<string> IncludePlatforms,
        IReadOnlyList<string> ExcludePlatforms,
        IReadOnlyList<string> ClientAppTypes,
        IReadOnlyList<string> SignInRiskLevels,
        IReadOnlyList<string> UserRiskLevels,
        bool HasDeviceFilter);
}
