using System;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>When and with what a sign-in completed MFA itself (not carried over from an earlier token).</summary>
    public sealed record CompletedMfa(DateTimeOffset At, string? Method);
}
