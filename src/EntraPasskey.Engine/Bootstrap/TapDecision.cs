using System.Collections.Generic;

namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>
    /// The outcome of the pre-issue checks for one user: refused (with the one finding that says why), or cleared,
    /// possibly with findings -Force overrode and a replacement the caller must confirm.
    /// </summary>
    public sealed record TapDecision(TapCheckFinding? Refusal, IReadOnlyList<TapCheckFinding> Forced, TapCheckFinding? Confirmation);
}
