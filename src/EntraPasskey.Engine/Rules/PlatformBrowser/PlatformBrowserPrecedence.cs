namespace EntraPasskey.Engine.Rules.PlatformBrowser
{
    /// <summary>Layer 5's rules, most decisive first (see <see cref="LayerPrecedence"/>).</summary>
    internal sealed class PlatformBrowserPrecedence : LayerPrecedence
    {
        public PlatformBrowserPrecedence()
            : base(
                PasskeyLayer.PlatformBrowser,
                typeof(BrowserUnsupportedRule), // no passkey in this browser at all
                typeof(PlatformTooOldRule),
                typeof(RegistrationPathUnsupportedRule), // this platform cannot take the attempt's registration path
                typeof(RegistrationPathLimitedRule),
                typeof(PlatformCaveatRule)) // warnings that do not stop registration
        {
        }
    }
}
