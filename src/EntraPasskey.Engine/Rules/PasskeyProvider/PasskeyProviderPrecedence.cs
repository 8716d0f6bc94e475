namespace EntraPasskey.Engine.Rules.PasskeyProvider
{
    /// <summary>Layer 7's rules, most decisive first (see <see cref="LayerPrecedence"/>).</summary>
    internal sealed class PasskeyProviderPrecedence : LayerPrecedence
    {
        public PasskeyProviderPrecedence()
            : base(
                PasskeyLayer.PasskeyProvider,
                typeof(WrongPasskeyProviderRule), // a synced provider where the profiles want Authenticator or a device-bound key
                typeof(WindowsHelloForBusinessExistsRule),
                typeof(PasskeyProviderRule)) // the pass: the provider the attempt used
        {
        }
    }
}
