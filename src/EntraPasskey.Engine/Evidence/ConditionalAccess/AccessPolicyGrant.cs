using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// The grant controls of a Conditional Access policy: built-in controls as Graph spells them (block, mfa,
    /// compliantDevice, domainJoinedDevice, approvedApplication, compliantApplication, passwordChange,
    /// riskRemediation), combined with AND (<see cref="RequireAll"/>) or OR, plus an optional authentication strength.
    /// </summary>
    public sealed record AccessPolicyGrant(bool RequireAll, IReadOnlyList<string> BuiltInControls, AuthenticationStrength? AuthenticationStrength);
}
