using System;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// Names an authenticator model from its AAGUID. The failure report depends only on this seam, so the module's
    /// AAGUID catalog can stand behind it; <see cref="WellKnownAuthenticators"/> is the built-in minimum.
    /// </summary>
    public interface IAuthenticatorNames
    {
        /// <summary>The model's name, or null when the AAGUID is unknown.</summary>
        string? NameOf(Guid aaguid);
    }
}
