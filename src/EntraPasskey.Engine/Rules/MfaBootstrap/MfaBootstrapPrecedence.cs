namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>Layer 3's rules, most decisive first (see <see cref="LayerPrecedence"/>).</summary>
    internal sealed class MfaBootstrapPrecedence : LayerPrecedence
    {
        public MfaBootstrapPrecedence()
            : base(
                PasskeyLayer.MfaBootstrap,
                typeof(RegistrationBlockedRule), // nothing gets past a block on registering
                typeof(AllResourcesBlockedRule), // nor past a block on signing in anywhere
                typeof(RegistrationStrengthUnmetRule), // a strength the user cannot meet: its fix (a pass or not) is the one that holds
                typeof(AllResourcesStrengthUnmetRule),
                typeof(TapNotUsableRule), // more precise than NoMfaCapableMethod
                typeof(NoMfaCapableMethodRule),
                typeof(AuthenticatorAppProtectionBlockedRule), // after the MFA-method failures, which stop the user before the app
                typeof(ConditionalAccessUnavailableRule), // the Unknowns: what could not be read or scoped
                typeof(RegistrationScopeUnknownRule),
                typeof(AllResourcesScopeUnknownRule),
                typeof(RegistrationManagedDeviceRule), // the warnings: what depends on where and how the user registers
                typeof(RegistrationConditionalRule),
                typeof(AllResourcesBlockConditionalRule),
                typeof(AllResourcesStrengthConditionalRule),
                typeof(AuthenticatorAppProtectionRiskRule),
                typeof(SinglePasskeyNoBackupRule)) // advisory, last
        {
        }
    }
}
