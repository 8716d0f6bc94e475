using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>The Temporary Access Pass configuration: who may use a pass, and the lifetimes and use a pass may have.</summary>
    public sealed record TapPolicy(
        bool Enabled,
        IReadOnlyList<PolicyTarget> IncludeTargets,
        IReadOnlyList<PolicyTarget> ExcludeTargets,
        int DefaultLifetimeInMinutes,
        int MinimumLifetimeInMinutes,
        int MaximumLifetimeInMinutes,
        bool IsUsableOnce,
        int DefaultLength)
        : MethodPolicy(MethodPolicyIds.TemporaryAccessPass, Enabled, IncludeTargets, ExcludeTargets);
}
