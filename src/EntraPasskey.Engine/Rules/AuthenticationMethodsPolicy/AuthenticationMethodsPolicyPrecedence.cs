namespace EntraPasskey.Engine.Rules.AuthenticationMethodsPolicy
{
    /// <summary>Layer 1's rules, most decisive first (see <see cref="LayerPrecedence"/>).</summary>
    internal sealed class AuthenticationMethodsPolicyPrecedence : LayerPrecedence
    {
        public AuthenticationMethodsPolicyPrecedence()
            : base(
                PasskeyLayer.AuthenticationMethodsPolicy,
                typeof(AccountDisabledRule), // a disabled account cannot sign in at all
                typeof(GuestUserRule), // guests register with their home organisation
                typeof(Fido2MethodDisabledRule), // the method is off for everyone
                typeof(SelfServiceRegistrationDisabledRule), // on, but nobody may set it up themselves
                typeof(UserExcludedRule), // an exclusion beats every include
                typeof(IncludeTargetDeletedRule), // an include pointing at a deleted group explains "not targeted"
                typeof(UserNotTargetedRule),
                typeof(SecurityDefaultsRule), // the method policy is fine; the tenant-wide MFA setting is not
                typeof(MfaReliesOnLegacyPolicyRule))
        {
        }
    }
}
