using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>The Passkey (FIDO2) configuration: targets plus the registration settings that gate Security info.</summary>
    public sealed record Fido2Policy(
        bool Enabled,
        IReadOnlyList<PolicyTarget> IncludeTargets,
        IReadOnlyList<PolicyTarget> ExcludeTargets,
        bool IsSelfServiceRegistrationAllowed)
        : MethodPolicy(MethodPolicyIds.Fido2, Enabled, IncludeTargets, ExcludeTargets);
}
