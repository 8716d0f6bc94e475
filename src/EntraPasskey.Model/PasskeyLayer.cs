namespace EntraPasskey
{
    /// <summary>The seven layers a passkey registration passes through, in the order they are checked.</summary>
    public enum PasskeyLayer
    {
        AuthenticationMethodsPolicy = 1,
        PasskeyProfile = 2,
        MfaBootstrap = 3,
        RecentMfaSession = 4,
        PlatformBrowser = 5,
        Hardware = 6,
        PasskeyProvider = 7,
    }
}
