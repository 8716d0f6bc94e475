namespace EntraPasskey.Engine.Rules.Hardware
{
    /// <summary>Layer 6's rules, most decisive first (see <see cref="LayerPrecedence"/>).</summary>
    internal sealed class HardwarePrecedence : LayerPrecedence
    {
        public HardwarePrecedence()
            : base(
                PasskeyLayer.Hardware,
                typeof(AuthenticatorNotAttestableRule), // the model cannot give the attestation the profile requires
                typeof(AuthenticatorNotInCatalogRule), // an unknown model: Unknown, never a guess
                typeof(AuthenticatorAppVersionTooOldRule),
                typeof(AuthenticatorModelRule)) // the pass: the model the attempt named
        {
        }
    }
}
