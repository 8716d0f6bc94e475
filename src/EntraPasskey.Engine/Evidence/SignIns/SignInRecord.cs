using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>One sign-in from the logs, reduced to what layers 4 and 5 need.</summary>
    /// <param name="AuthenticationRequirement">Beta: singleFactorAuthentication or multiFactorAuthentication (case varies).</param>
    /// <param name="OperatingSystem">deviceDetail.operatingSystem as logged, e.g. "Windows10", "Ios", "Android".</param>
    /// <param name="Browser">deviceDetail.browser as logged, e.g. "Edge 131.0.0", "Mobile Safari".</param>
    public sealed record SignInRecord(
        string Id,
        DateTimeOffset CreatedAt,
        bool IsInteractive,
        bool Succeeded,
        string? AuthenticationRequirement,
        IReadOnlyList<AuthenticationStep> Steps,
        string? OperatingSystem,
        string? Browser,
        string? AppDisplayName);
}
