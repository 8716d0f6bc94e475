using System;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>One step of a sign-in (beta authenticationDetails): when, with which method, for which requirement.</summary>
    /// <param name="Method">As the logs name it: "Password", "Mobile app notification", "FIDO2 security key", "Previously satisfied", ...</param>
    /// <param name="Requirement">"Primary authentication" or "MFA".</param>
    public sealed record AuthenticationStep(DateTimeOffset? At, string? Method, string? Requirement, bool Succeeded);
}
