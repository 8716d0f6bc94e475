using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// An authentication strength: it is met when the user signs in with every mode of at least one allowed
    /// combination. Modes are Graph's authenticationMethodModes names (password, sms, fido2,
    /// temporaryAccessPassOneTime, ...); a combination such as "password,sms" holds two.
    /// </summary>
    public sealed record AuthenticationStrength(string Id, string DisplayName, IReadOnlyList<IReadOnlyCollection<string>> AllowedCombinations)
    {
        /// <summary>
        /// The AAGUIDs a fido2CombinationConfiguration allows for the fido2 mode (a passkey of another model does not
        /// meet the strength), or null when no configuration narrows it.
        /// </summary>
        public IReadOnlyList<Guid>? Fido2AllowedAaguids { get; init; }

        /// <summary>Whether a passkey of this model (null: not known) can meet the fido2 mode of the strength.</summary>
        public bool AllowsPasskey(Guid? aaguid) => Fido2AllowedAaguids == null || (aaguid.HasValue && Fido2AllowedAaguids.Contains(aaguid.Value));
    }
}
