using System.Collections.Generic;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// An authentication strength: it is met when the user signs in with every mode of at least one allowed
    /// combination. Modes are Graph's authenticationMethodModes names (password, sms, fido2,
    /// temporaryAccessPassOneTime, ...); a combination such as "password,sms" holds two.
    /// </summary>
    public sealed record AuthenticationStrength(string Id, string DisplayName, IReadOnlyList<IReadOnlyCollection<string>> AllowedCombinations);
}
