using System;
using System.Collections.Generic;

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
        /// The AAGUIDs a fido2CombinationConfiguration allows for the fido2 combination (the strength's FIDO2 advanced
        /// options); null when the strength has no such configuration and any passkey model meets fido2.
        /// </summary>
        public IReadOnlyList<Guid>? AllowedFido2Aaguids { get; init; }
    }
}
