using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>The state and targets of one authentication method configuration (Fido2, Sms, TemporaryAccessPass, ...).</summary>
    public record MethodPolicy(string Id, bool Enabled, IReadOnlyList<PolicyTarget> IncludeTargets, IReadOnlyList<PolicyTarget> ExcludeTargets)
    {
        public static MethodPolicy Disabled(string id) =>
            new MethodPolicy(id, false, Array.Empty<PolicyTarget>(), Array.Empty<PolicyTarget>());
    }
}
