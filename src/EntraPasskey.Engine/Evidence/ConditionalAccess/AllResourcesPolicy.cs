using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// A Conditional Access policy on All resources (includeApplications "All"). It also applies when the user signs
    /// in to Security info or Microsoft Authenticator to register a method (graph-facts §8.2).
    /// </summary>
    /// <param name="ExcludeApplications">App ids the policy leaves out (excludeApplications).</param>
    public sealed record AllResourcesPolicy(
        string Id,
        string DisplayName,
        ConditionalAccessState State,
        AccessPolicyUsers Users,
        AccessPolicyConditions Conditions,
        AccessPolicyGrant Grant,
        IReadOnlyList<string> ExcludeApplications);
}
