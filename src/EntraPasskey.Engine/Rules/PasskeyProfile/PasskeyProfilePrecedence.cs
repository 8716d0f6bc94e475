namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>Layer 2's rules, most decisive first (see <see cref="LayerPrecedence"/>).</summary>
    internal sealed class PasskeyProfilePrecedence : LayerPrecedence
    {
        public PasskeyProfilePrecedence()
            : base(
                PasskeyLayer.PasskeyProfile,
                typeof(NoAcceptableAuthenticatorRule), // no authenticator at all can meet the profiles
                typeof(PasskeyProfileUnresolvedRule), // a profile the policy names could not be read
                typeof(AaguidBlockedRule), // an explicit block list beats an allow list
                typeof(AaguidNotReportedRule), // all zeros: no allow-list entry can fix it, unlike AaguidNotAllowed
                typeof(AaguidNotAllowedRule),
                typeof(PasskeyTypeNotAllowedRule),
                typeof(AttestationRequiredRule),
                typeof(LegacyKeyRestrictionRule), // the tenant-wide settings, for tenants without passkey profiles
                typeof(LegacyAttestationRule),
                typeof(ProfileAcceptanceRule)) // the pass: what the profiles accept
        {
        }
    }
}
