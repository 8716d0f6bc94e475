using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// The authenticationMethodModes a user can present (<see cref="AuthenticationModes.Of(DiagnosisInput)"/>), with the
    /// AAGUIDs of the passkeys behind the fido2 mode (null for a passkey whose AAGUID Graph did not report), which an
    /// authentication strength's fido2 combination configuration can narrow.
    /// </summary>
    public sealed class PresentedModes : HashSet<string>
    {
        public PresentedModes()
            : base(StringComparer.OrdinalIgnoreCase)
        {
        }

        public IList<Guid?> PasskeyAaguids { get; } = new List<Guid?>();
    }
}
